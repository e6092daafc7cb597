using Parallax.Core;

namespace Parallax.Stories.Tests;

/// <summary>Fictional articles written for these tests: one flood in the invented town of Marrowby, reported by a wire,
/// reprinted, rewritten and reported independently, and a second flood in another invented town a week later.</summary>
internal static class Fixtures
{
    public const string WireParagraph1 =
        "MARROWBY, Velland (Reuters) - Floodwater from the swollen Quill River swept through the centre of Marrowby on Tuesday, forcing about 1,200 residents from their homes and cutting the only bridge to the eastern districts, the regional emergency office said.";

    public const string WireParagraph2 =
        "Mayor Ilse Brannock told reporters the water rose nearly two metres in four hours after three days of heavy rain. \"We have never seen the river climb this fast, not even in the spring of the great thaw,\" Brannock said.";

    public const string WireParagraph3 =
        "Rescue crews in flat-bottomed boats carried elderly residents from the Tollgate quarter to a shelter set up in the Marrowby sports hall, where the Red Lantern charity handed out blankets and hot meals.";

    public const string WireParagraph4 =
        "The emergency office said no deaths had been reported but two fishermen were still missing downstream near the old weir. \"Our priority tonight is to find them,\" said Oskar Feld, who leads the regional rescue service.";

    public const string WireParagraph5 =
        "Forecasters at the Velland weather bureau expect the rain to ease on Thursday, though the river is not expected to fall below its banks before the weekend.";

    public static string WireText => string.Join("\n\n", WireParagraph1, WireParagraph2, WireParagraph3, WireParagraph4, WireParagraph5);

    public const string AddedParagraph1 =
        "Shopkeepers along Chandler Street spent the morning piling sandbags against their doors, and several said the town council had ignored warnings about the embankment for years.";

    public const string AddedParagraph2 =
        "The Gazette's own reporter saw the water reach the steps of the town library by early afternoon, where volunteers were moving the archive of parish records to the upper floor.";

    /// <summary>The rewrite keeps paragraphs 1, 2, 4 and 5 of the wire, cuts paragraph 3 and adds two paragraphs.</summary>
    public static string RewriteText => string.Join("\n\n", WireParagraph1, WireParagraph2, AddedParagraph1, WireParagraph4, AddedParagraph2, WireParagraph5);

    public const string IndependentText =
        "Hundreds of families in Marrowby slept in the sports hall on Tuesday night after the Quill River burst its banks, flooded the old town and swept away the bridge to the eastern districts.\n\n" +
        "\"The bridge is gone, so the east side is cut off,\" said a volunteer firefighter who asked not to be named. Mayor Ilse Brannock has asked the Velland government for army engineers to build a temporary crossing; the regional emergency office puts the number of residents forced from their homes at 1,200.\n\n" +
        "Two fishermen have been missing near the weir since the afternoon, according to the rescue service led by Oskar Feld. Residents of the Tollgate quarter described floodwater reaching their windows within an hour, and the Red Lantern charity said it had run out of blankets by midnight.";

    public const string LaterFloodText =
        "GRENNICK, Velland - The Sable River flooded the harbour town of Grennick on Wednesday, a week after the Quill River disaster, forcing around 300 people to leave their homes as the rain returned.\n\n" +
        "Harbour master Tomas Ridley said the water rose through the fish market in the early morning. \"The quay is under water and the boats are pulling at their moorings,\" Ridley said.\n\n" +
        "The regional emergency office sent rescue boats from the coast guard station at Pellick, and the Red Lantern charity opened a shelter in the Grennick school. No injuries were reported.";

    public static Article Make(string id, string text, string? title, DateOnly? published, string outlet = "unknown", string? syndication = null) => new()
    {
        Id = id,
        SourceId = id,
        Origin = "fixture:" + id,
        Metadata = new ArticleMetadata
        {
            Title = title,
            Outlet = outlet,
            Published = published is { } d ? new PublicationDate { Date = d, Source = "fixture" } : null,
            SyndicationSource = syndication,
        },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };

    public static readonly DateOnly FloodDay = new(2031, 3, 4);

    public static Article Wire => Make("a-wire", WireText, "Quill River floods Marrowby, 1,200 forced from homes", FloodDay, "Reuters");

    public static Article Reprint => Make("b-reprint", WireText, "Quill River floods Marrowby, 1,200 forced from homes", FloodDay, "Tollbridge Courier", "Reuters");

    public static Article Rewrite => Make("c-rewrite", RewriteText, "Marrowby under water as Quill River bursts banks", FloodDay.AddDays(1), "Marrowby Gazette");

    public static Article Independent => Make("d-independent", IndependentText, "Marrowby families spend night in sports hall after flood", FloodDay, "Velland Evening Post");

    public static Article LaterFlood => Make("e-later-flood", LaterFloodText, "Sable River floods Grennick harbour", FloodDay.AddDays(8), "Velland Evening Post");

    /// <summary>The same story, undated.</summary>
    public static Article UndatedIndependent => Make("f-undated", IndependentText.Replace("Hundreds of families", "Many families", StringComparison.Ordinal), "Flood leaves Marrowby families in sports hall", null, "Quiet Valley Blog");

    public static IReadOnlyList<Article> All => [Wire, Reprint, Rewrite, Independent, LaterFlood, UndatedIndependent];
}
