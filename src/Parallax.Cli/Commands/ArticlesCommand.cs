using System.CommandLine;
using Parallax.Reporting;
using Parallax.Storage;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax articles [--json] [--db PATH]</c>: what is stored — id, outlet, date, title, words, what cleaning
/// removed (by kind) and how many embeds were set aside. Exit 1 when the store cannot be opened.
/// </summary>
public static class ArticlesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var db = InputOptions.Db();
        var command = new Command("articles", "List the stored articles: id, outlet, date, title, words, removals by kind, embeds.") { json, db };
        command.SetAction(parseResult =>
        {
            var (opened, error) = StoreLocator.Open(parseResult.GetValue(db), mustExist: true);
            if (opened is not { } store)
            {
                Console.Error.WriteLine(Describe(error!));
                return ExitCodes.SomeRejected;
            }

            using (store)
            {
                try
                {
                    var rows = ArticleListing.Rows(store.LoadArticles());
                    Console.Out.Write(parseResult.GetValue(json) ? ArticleListing.WriteJson(rows) : ArticleListing.WriteText(rows));
                    return ExitCodes.Ok;
                }
                catch (StoreException e)
                {
                    Console.Error.WriteLine(Describe(e.Diagnostic));
                    return ExitCodes.SomeRejected;
                }
            }
        });
        return command;
    }

    // Messages already start with their code; the subject (the store path) goes in parentheses.
    private static string Describe(Parallax.Core.Diagnostic d) => d.Subject is null ? d.Message : $"{d.Message} ({d.Subject})";
}
