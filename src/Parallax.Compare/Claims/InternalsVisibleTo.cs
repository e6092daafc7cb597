using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Parallax.Compare.Tests")]
[assembly: InternalsVisibleTo("Parallax.Bench")]
