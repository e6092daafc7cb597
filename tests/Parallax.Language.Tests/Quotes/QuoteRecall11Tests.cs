using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Quotations introduced by a colon whose clause has no speech verb (docs/quotes.md, "Session 13 — quotations introduced by a
/// colon (qr11)"). Every sentence is written for these tests (fictional people and places); each row asserts the content,
/// the speaker and the cue of one extracted quote.
/// </summary>
public sealed class QuoteRecall11Tests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // the clause's subject speaks, the predicate up to the colon is the cue
        { "Hollis leaned in and boomed: “We will not close the pier.”", "We will not close the pier.", "Hollis", "leaned in and boomed:" },
        { "At the harbour meeting, Mayor Ada Roe went even further: “The ferry stays, whatever it costs.”", "The ferry stays, whatever it costs.", "Mayor Ada Roe", "went even further:" },
        { "She has since apologized for the delay: “I should have told the council sooner.”", "I should have told the council sooner.", "She", "has since apologized for the delay:" },
        // a clause opening with its verb after an apposition: the name and its apposition speak (as PolNeAR marks them)
        { "Council leader Ada Roe, a Democrat, delivered a blunt message to Hollis: \"It's time to stop blaming the ferry crews.\"", "It's time to stop blaming the ferry crews.", "Council leader Ada Roe, a Democrat", "delivered a blunt message to Hollis:" },
        // a clause opening with "then" after a comma: the sentence's subject speaks
        { "Vahl waited for the room to settle, then shrugged: “The pier is older than all of us.”", "The pier is older than all of us.", "Vahl", "shrugged:" },
        // an opening connective is skipped; a pronoun after it speaks
        { "Roe praised the ferry crew. Then she turned to the budget: “We cannot pay for both. The pier must wait.”", "We cannot pay for both. The pier must wait.", "she", "turned to the budget:" },
        { "Vahl said the council \"had no plan,\" but she gave the mayor a parting shot: \"You never say where the money went.\"", "You never say where the money went.", "she", "gave the mayor a parting shot:" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_ColonQuotation_TakesClauseSubject(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("The mayor's answer was blunt: “No.”", "No.")]
    [InlineData("The sign on the pier read: “Closed for repairs.”", "Closed for repairs.")]
    [InlineData("More from the harbour report: “Fares rose by a third.”", "Fares rose by a third.")]
    [InlineData("Roe said she recalls the clerk being \"tired,\" and the captain even scolding the crew: \"Sit down, all of you.\"", "Sit down, all of you.")]
    public void QuoteExtractor_ColonAfterNonAgent_NamesNoSubjectSpeaker(string text, string content) =>
        // a possessive phrase or a thing ("the sign on the pier") is no agent, "More" before a preposition is no subject, and a
        // connective before a noun phrase ("and the captain …") does not hand the quotation to the sentence's subject
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.ContentParts.Any(p => p.Of(text) == content)
            && q.Quote.Speaker is { } sp && (sp.Of(text).Contains("answer", StringComparison.Ordinal) || sp.Of(text).Contains("sign", StringComparison.Ordinal) || sp.Of(text) == "More" || (sp.Of(text) == "Roe" && q.Quote.Cue is { } cue && cue.Of(text).StartsWith("the captain", StringComparison.Ordinal))));
}
