using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// Fictional short leads shared by the short-lead cohesion tests: two events of one topic (the Velland ferry fare vote put
/// off, then the fare rise approved), three leads each, a fourth lead naming both, and three unrelated leads so that the
/// topic's words are not in every article.
/// </summary>
internal static class VellandFerryLeads
{
    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    /// <summary>Events a (a0–a2) and b (b0–b2), then the unrelated c0–c2.</summary>
    public static readonly Article[] TwoEvents =
    [
        Lead("a0", "Velland harbour council delays vote on ferry fare rise", "The Velland harbour council postponed its vote on raising ferry fares for the island routes after islanders packed the town hall to protest."),
        Lead("a1", "Ferry fare vote put off in Velland after islander protest", "Velland's harbour council put off a vote on higher ferry fares for the island routes when protesting islanders filled the town hall."),
        Lead("a2", "Islanders pack town hall, Velland ferry fare vote postponed", "A vote on raising island ferry fares was postponed by the Velland harbour council as angry islanders crowded into the town hall."),
        Lead("b0", "Velland harbour council approves ferry fare rise", "The Velland harbour council approved higher ferry fares for the island routes, with the new tickets costing a fifth more from the spring timetable."),
        Lead("b1", "Ferry fares to rise by a fifth, Velland council decides", "Tickets on the island ferry routes will cost a fifth more from the spring timetable after the Velland harbour council approved the fare rise."),
        Lead("b2", "Velland ferry tickets a fifth dearer from spring", "Island ferry tickets will be a fifth dearer from the spring timetable, the Velland harbour council decided when it approved the fare rise."),
        Lead("c0", "Lighthouse on Velland cliffs reopens after repairs", "The old lighthouse on the Velland cliffs reopened to visitors after masons repaired its worn stone stairs."),
        Lead("c1", "Orchard growers in Tamsby report record apple harvest", "Apple growers around Tamsby picked a record harvest this autumn, helped by a mild spring and a dry summer."),
        Lead("c2", "Tamsby library extends weekend opening hours", "The Tamsby public library will open on weekend afternoons from next month, the town's library board said."),
    ];

    /// <summary>b3: the rise approved despite the protest — words of both events.</summary>
    public static readonly Article BothEvents =
        Lead("b3", "Velland council backs ferry fare rise despite islander protest", "The Velland harbour council approved raising the island ferry fares by a fifth, although islanders had packed the town hall to protest against the rise.");

    /// <summary>The sorted member ids of the story holding <paramref name="id"/>.</summary>
    public static string Members(StoryClusterer clusterer, string id)
        => string.Join(',', clusterer.Stories.Single(s => s.ArticleIds.Contains(id)).ArticleIds.Order(StringComparer.Ordinal));
}
