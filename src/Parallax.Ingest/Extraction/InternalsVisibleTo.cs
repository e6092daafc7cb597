using System.Runtime.CompilerServices;

// The boilerplate rules and the scorer are internal; their tables are tested directly.
[assembly: InternalsVisibleTo("Parallax.Ingest.Tests")]
