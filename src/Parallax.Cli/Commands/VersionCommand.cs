using System.CommandLine;

namespace Parallax.Cli.Commands;

public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of parallax and of each analysis stage.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"parallax {typeof(VersionCommand).Assembly.GetName().Version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
