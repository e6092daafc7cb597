namespace Parallax.Compare;

/// <summary>Assembly marker.</summary>
public static class AssemblyMarker
{
    public const string Name = "Parallax.Compare";
}
