namespace Parallax.Cli;

/// <summary>Exit codes scripts can trust.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some inputs were rejected; each is listed on stderr with a code and a reason.</summary>
    public const int SomeRejected = 1;
    public const int Usage = 2;
}
