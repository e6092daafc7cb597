using System.CommandLine;
using Parallax.Cli;

// Exit codes scripts can trust: 0 ok, 1 some inputs rejected (listed with reasons), 2 usage error.
var root = new RootCommand("Parallax: compare how many outlets report one story — claims, conflicts, lineage, quotes, labels, slant — with every statement traced to the characters of its sources.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"PX0900: {error.Message}");
    }

    Console.Error.WriteLine("Run 'parallax --help' for usage.");
    return ExitCodes.Usage;
}

// Ctrl+C/SIGTERM cancel the command's token; the process is ended only if the command has not returned 40 s later
// (System.CommandLine's default is 2 s, too short for a cluster node's graceful hand-over).
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) });
