using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval &lt;task&gt; DIR [--predictions FILE] [--gate]</c>: each task's standard metric on a labelled set.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score a stage on a labelled dataset with the task's standard metric (same figures as ../shared/tools/score). With --gate, fail (exit 1) when a pinned floor in eval/floors/ is not met.");
        foreach (var sub in Tasks())
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static IEnumerable<Command> Tasks()
    {
        yield return EvalExtractionCommand.Create();
        yield return EvalTimeCommand.Create();
        yield return EvalEntitiesCommand.Create();
        yield return EvalQuotesCommand.Create();
        yield return EvalClusteringCommand.Create();
        yield return EvalSummaryCommand.Create();
        yield return EvalLoadedLanguageCommand.Create();
        yield return EvalLabelsCommand.Create();
    }
}
