using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary>Arguments and options shared by the commands that read inputs or use the store.</summary>
public static class InputOptions
{
    public static Argument<string[]> Inputs(string description) => new("inputs") { Description = description, Arity = ArgumentArity.OneOrMore };

    public static Option<string?> Db() => new("--db") { Description = "The store: a SQLite file, or a PostgreSQL connection string (Host=...;Database=...); default $PARALLAX_DB, else ./parallax.db." };

    public static Option<bool> Fetch() => new("--fetch") { Description = "Allow network access for feed items that carry only a summary (their linked pages are fetched). URL inputs are always fetched." };
}
