using System.CommandLine;
using Parallax.Reporting;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax analyze &lt;inputs...&gt; [--json F] [--md F] [--html F] [--csv F]</c>: ingest, analyze, print a report.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = InputOptions.Inputs("Files, folders, URLs, feeds, JSON Lines or WARC files holding the articles to compare.");
        var db = InputOptions.Db();
        var fetch = InputOptions.Fetch();
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON (the contract in docs/report-format.md)." };
        var md = new Option<FileInfo?>("--md") { Description = "Write the report as Markdown." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the report as one self-contained HTML file." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the claim tables as CSV: one row per (fact, outlet article) with its status and evidence." };
        var command = new Command("analyze", "Ingest the inputs into the store, analyze them, and print a report (terminal summary; --json, --md, --html files).");
        command.Arguments.Add(inputs);
        command.Options.Add(db);
        command.Options.Add(fetch);
        command.Options.Add(json);
        command.Options.Add(md);
        command.Options.Add(html);
        command.Options.Add(csv);
        command.SetAction((parse, ct) =>
        {
            var paths = parse.GetValue(inputs)!;
            using var store = Composition.OpenStore(parse.GetValue(db));
            if (store is null)
            {
                return Task.FromResult(ExitCodes.SomeRejected);
            }

            var run = IngestCommand.RunIngest(paths, parse.GetValue(fetch), store, ct);
            var diagnostics = run.Entries.Where(e => e.Outcome == Ingest.IngestOutcome.Rejected).SelectMany(e => e.Diagnostics)
                .Where(d => d.Severity == Core.Severity.Error);
            var stories = new Compare.StoryAnalysisService().Analyze(run.Articles, ct);
            var report = new ReportBuilder(Composition.Generator).Build(run.Articles, stories, diagnostics);
            Console.Write(TerminalSummaryWriter.Write(report));
            Write(parse.GetValue(json), () => JsonReportWriter.Write(report));
            Write(parse.GetValue(md), () => MarkdownReportWriter.Write(report));
            Write(parse.GetValue(html), () => HtmlReportWriter.Write(report));
            Write(parse.GetValue(csv), () => CsvFactWriter.Write(report));
            return Task.FromResult(run.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Writes <paramref name="render"/>'s text to <paramref name="file"/> (folders created) and says so on stderr; nothing when <paramref name="file"/> is null.</summary>
    internal static void Write(FileInfo? file, Func<string> render)
    {
        if (file is null)
        {
            return;
        }

        if (file.Directory is { Exists: false } dir)
        {
            dir.Create();
        }

        File.WriteAllText(file.FullName, render());
        Console.Error.WriteLine($"wrote {file.FullName}");
    }
}
