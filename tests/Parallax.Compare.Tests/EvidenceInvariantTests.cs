using System.Text.Json;
using System.Text.Json.Nodes;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>Every evidence span anywhere in a story report points at exactly the characters it quotes.</summary>
public class EvidenceInvariantTests
{
    public static TheoryData<string> Runs => ["samples", "seeds"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void EveryEvidenceSpan_QuotesTheCharactersItPointsAt(string run)
    {
        var analysed = run == "samples" ? Corpora.Samples : Corpora.Seeds;
        var texts = analysed.Articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        var spans = 0;
        foreach (var story in analysed.Stories)
        {
            foreach (var span in EvidenceIn(JsonSerializer.SerializeToNode(story, Options)!))
            {
                spans++;
                Assert.True(texts.ContainsKey(span.ArticleId), $"unknown article {span.ArticleId}");
                var text = texts[span.ArticleId];
                Assert.InRange(span.Start, 0, span.End);
                Assert.InRange(span.End, span.Start, text.Length);
                Assert.Equal(text[span.Start..span.End], span.Text);
                Assert.Contains(span.ArticleId, story.ArticleIds);
            }
        }

        Assert.True(spans > 0, "the run produced no evidence at all");
    }

    [Fact]
    public void Samples_EveryMemberHasAnOrigin_AndReprintsCountOnce()
    {
        var story = Corpora.Samples.Main;
        Assert.Equal(story.ArticleIds.Order(StringComparer.Ordinal), story.Origins.Select(o => o.ArticleId).Order(StringComparer.Ordinal));
        Assert.Contains(story.Origins, o => o.Kind != "independent");
        Assert.True(story.IndependentSources < story.ArticleIds.Length);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static IEnumerable<EvidenceSpan> EvidenceIn(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["articleId"] is JsonValue id && o["start"] is JsonValue s && o["end"] is JsonValue e && o["text"] is JsonValue t)
                {
                    yield return new EvidenceSpan(id.GetValue<string>(), s.GetValue<int>(), e.GetValue<int>(), t.GetValue<string>());
                }

                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        foreach (var span in EvidenceIn(child))
                        {
                            yield return span;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        foreach (var span in EvidenceIn(child))
                        {
                            yield return span;
                        }
                    }
                }

                break;
        }
    }
}
