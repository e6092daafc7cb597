using System.CommandLine;
using Parallax.Cli.Commands;

namespace Parallax.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them. Each lives in its own file under Commands/.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return AnalyzeCommand.Create();
        yield return IngestCommand.Create();
        yield return ExtractCommand.Create();
        yield return ArticlesCommand.Create();
        yield return ShowCommand.Create();
        yield return StoriesCommand.Create();
        yield return StoryCommand.Create();
        yield return ServeCommand.Create();
        yield return WatchCommand.Create();
        yield return NodeCommand.Create();
        yield return ClusterCommand.Create();
        yield return EvalCommand.Create();
        yield return VersionCommand.Create();
    }
}
