namespace Parallax.Language;

/// <summary>Assembly marker.</summary>
public static class AssemblyMarker
{
    public const string Name = "Parallax.Language";
}
