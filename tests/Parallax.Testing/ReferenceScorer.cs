using System.Diagnostics;

namespace Parallax.Testing;

/// <summary>Runs a reference scorer of <c>../shared/tools/score/</c> (Python 3, stdlib only) so tests can compare our figures with it.</summary>
public static class ReferenceScorer
{
    /// <summary>Runs <c>python3 ../shared/tools/score/&lt;script&gt; args...</c> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The scorer failed or timed out; the message carries its stderr.</exception>
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Shared, "tools", "score", script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish in 5 minutes");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"{script} exited {process.ExitCode}: {stderr.Result}");
    }
}
