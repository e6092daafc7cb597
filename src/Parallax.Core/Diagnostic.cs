namespace Parallax.Core;

public enum Severity
{
    Info,
    Warning,
    /// <summary>The input (or one stage's work on it) was rejected; the batch goes on.</summary>
    Error,
}

/// <summary>
/// A coded, parameterised message about bad data. Codes are stable (<c>PX0203</c>) and listed in docs/errors.md;
/// ranges: PX01xx readers, PX02xx extraction, PX03xx cleaning, PX04xx store, PX05xx language,
/// PX06xx stories, PX07xx compare, PX08xx web, PX09xx command line and pipeline.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>PX0101</c>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">Human-readable reason, already formatted.</param>
/// <param name="Subject">What it is about: a path, URL, record number or article id; may be null.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? Subject = null)
{
    public static Diagnostic Error(string code, string message, string? subject = null) => new(code, Severity.Error, message, subject);

    public static Diagnostic Warning(string code, string message, string? subject = null) => new(code, Severity.Warning, message, subject);

    public static Diagnostic Info(string code, string message, string? subject = null) => new(code, Severity.Info, message, subject);

    /// <summary><c>PX0103: reason (subject)</c>; the code is not repeated when the message already starts with it.</summary>
    public override string ToString()
    {
        var text = Message.StartsWith(Code, StringComparison.Ordinal) ? Message : $"{Code}: {Message}";
        return Subject is null ? text : $"{text} ({Subject})";
    }
}
