namespace Parallax.Storage;

/// <summary>Assembly marker.</summary>
public static class AssemblyMarker
{
    public const string Name = "Parallax.Storage";
}
