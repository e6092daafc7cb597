namespace Parallax.Stories;

/// <summary>
/// Per cluster root of an average-link run, how many members are long (more than
/// <see cref="StoryClustererOptions.ShortCohesionMaxWords"/> analysed words): the short-text rules
/// (<see cref="ShortLeadCohesion"/>, <see cref="ShortLeadGrowth"/>) judge only groups of short texts. Not thread-safe;
/// one instance per clustering run, merged once per merge.
/// </summary>
internal sealed class ShortMembers
{
    private readonly int[] _long;

    private ShortMembers(int[] longMembers) => _long = longMembers;

    /// <summary>The counts for <paramref name="articles"/> (indices as in the graph), each article its own cluster.</summary>
    public static ShortMembers For(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
    {
        var longMembers = new int[articles.Count];
        for (var i = 0; i < longMembers.Length; i++)
        {
            longMembers[i] = articles[i].Words > options.ShortCohesionMaxWords ? 1 : 0;
        }

        return new ShortMembers(longMembers);
    }

    /// <summary>True when every member of cluster root <paramref name="root"/> is short.</summary>
    public bool AllShort(int root) => _long[root] == 0;

    /// <summary>Records that cluster <paramref name="b"/> was merged into <paramref name="a"/>.</summary>
    public void Merge(int a, int b) => _long[a] += _long[b];
}
