using System.CommandLine;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Language.Entities;
using Parallax.Language.Quotes;
using Parallax.Language.Text;
using Parallax.Language.Time;
using Parallax.Storage;
using Parallax.Stories;

namespace Parallax.Cli.Commands;

public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of parallax and of each analysis stage (a stage's version changes whenever its output may change).");
        command.SetAction(_ =>
        {
            Console.WriteLine(Composition.Generator);
            Console.WriteLine($"  HtmlExtractor      {HtmlExtractor.Version}");
            Console.WriteLine($"  TextCleaner        {TextCleaner.Version}");
            Console.WriteLine($"  ArticleFactory     {ArticleFactory.Version}");
            Console.WriteLine($"  Tokenizer          {Tokenizer.StageInfo.Version}");
            Console.WriteLine($"  SentenceSplitter   {SentenceSplitter.StageInfo.Version}");
            Console.WriteLine($"  EntityRecognizer   {EntityRecognizer.StageInfo.Version}");
            Console.WriteLine($"  TimexTagger        {new TimexTagger().Info.Version}");
            Console.WriteLine($"  QuoteExtractor     {QuoteExtractor.StageVersion}");
            Console.WriteLine($"  StoryClusterer     {StoryClusterer.Version}");
            Console.WriteLine($"  store schema       {SqliteMigrations.Latest}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
