using System.CommandLine;
using Parallax.Core;
using Parallax.Reporting;
using Parallax.Storage;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax show &lt;article-id&gt; [--raw] [--db PATH]</c>: the cleaned text of one stored article; with
/// <c>--raw</c> the raw text with every removal marked inline (<c>⟦removed:ImageDebris⟧.png)⟦/⟧</c>). Embeds are
/// listed after the text. A unique id prefix is accepted. Unknown (PX0410) or ambiguous (PX0411) id: a message on stderr and exit 1.
/// Control characters are made visible when stdout is a terminal; piped output is the exact text.
/// </summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("article-id") { Description = "The article's id (as listed by 'parallax articles'), or a unique prefix of it." };
        var raw = new Option<bool>("--raw") { Description = "Show the raw text with every removal marked inline." };
        var db = InputOptions.Db();
        var command = new Command("show", "Show one stored article: its cleaned text, or with --raw what cleaning removed and why, and its embeds.") { id, raw, db };
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
                    var wanted = parseResult.GetValue(id)!.Trim();
                    var article = Find(store, wanted, out var problem);
                    if (article is null)
                    {
                        Console.Error.WriteLine(Describe(problem!));
                        return ExitCodes.SomeRejected;
                    }

                    var body = parseResult.GetValue(raw) ? RawMarkup.Mark(article) : article.Text;
                    var embeds = RawMarkup.DescribeEmbeds(article);
                    var output = body.EndsWith('\n') || body.Length == 0 ? body : body + "\n";
                    if (embeds.Length > 0)
                    {
                        output += "\n" + embeds;
                    }

                    Console.Out.Write(Console.IsOutputRedirected ? output : TextEscaping.Terminal(output));
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

    private static Article? Find(IArticleStore store, string wanted, out Diagnostic? problem)
    {
        problem = null;
        if (wanted.Length > 0 && store.GetArticle(wanted) is { } exact)
        {
            return exact;
        }

        var matches = wanted.Length == 0 ? [] : store.ListArticles().Where(a => a.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return store.GetArticle(matches[0].Id);
        }

        problem = matches.Count == 0
            ? StoreErrors.UnknownArticleFor(wanted, StoreLocator.Describe(store))
            : StoreErrors.AmbiguousArticleFor(wanted, [.. matches.Select(m => m.Id)], StoreLocator.Describe(store));
        return null;
    }
}
