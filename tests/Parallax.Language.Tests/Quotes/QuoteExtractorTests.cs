using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>Tables of sentences written for these tests (fictional people, towns and outlets).</summary>
public sealed class QuoteExtractorTests
{
    public static TheoryData<string, string, string?, string?, QuoteKind> Quotes => new()
    {
        // direct, cue after
        { "“The bridge will open in May,” Mayor Edda Vahl said on Tuesday.", "The bridge will open in May,", "Mayor Edda Vahl", "said", QuoteKind.Direct },
        // direct, inverted cue after
        { "“It is a disgrace,” said Oskar Lind, a spokesman for the Harbour Union.", "It is a disgrace,", "Oskar Lind", "said", QuoteKind.Direct },
        // direct, cue before with colon
        { "Councillor Piet Brandt said: “We have no money for this.”", "We have no money for this.", "Councillor Piet Brandt", "said", QuoteKind.Direct },
        // direct, cue before with object
        { "Vahl told the council, “We will not sell the harbour.”", "We will not sell the harbour.", "Vahl", "told", QuoteKind.Direct },
        // straight quotes
        { "\"Nobody asked us,\" the fishermen's union wrote in a letter.", "Nobody asked us,", "the fishermen's union", "wrote", QuoteKind.Direct },
        // indirect with that: the complementizer belongs to the content (PolNeAR convention)
        { "The ministry said that the tolls would double next year.", "that the tolls would double next year", "The ministry", "said", QuoteKind.Indirect },
        // indirect without that
        { "Brandt insisted the vote was fair.", "the vote was fair", "Brandt", "insisted", QuoteKind.Indirect },
        // indirect, content first
        { "The ferry will stop running in June, port officials said.", "The ferry will stop running in June", "port officials", "said", QuoteKind.Indirect },
        // partial quote inside an indirect clause
        { "Brandt warned that the plan was “reckless and expensive” for the town.", "that the plan was “reckless and expensive” for the town", "Brandt", "warned", QuoteKind.Partial },
        // mixed: most of the content is quoted
        { "Fenn said the vote was “a betrayal of every family in the river towns”.", "the vote was “a betrayal of every family in the river towns”", "Fenn", "said", QuoteKind.Mixed },
        // called ... 'fake news' (participle after a clause: speaker is the clause's speaker)
        { "Lind denied the claims, calling them ‘fake news’ on Sunday.", "them ‘fake news’", "Lind", "calling", QuoteKind.Partial },
        // according to, before and after
        { "The budget is balanced, according to the finance office.", "The budget is balanced", "the finance office", "according to", QuoteKind.Indirect },
        { "According to the Corvin Herald, the works were delayed twice.", "the works were delayed twice", "the Corvin Herald", "According to", QuoteKind.Indirect },
        // told <Outlet> that
        { "Sources familiar with the talks told the Corvin Herald that a deal was close.", "that a deal was close", "Sources familiar with the talks", "told", QuoteKind.Indirect },
        // pronoun speaker
        { "He said the union would strike.", "the union would strike", "He", "said", QuoteKind.Indirect },
        // ellipsis truncation (three dots and the single character)
        { "“The books are closed...” Fenn said.", "The books are closed...", "Fenn", "said", QuoteKind.Direct },
        { "“We agreed that the works should start… and that the costs are shared,” Vahl told the council.", "We agreed that the works should start… and that the costs are shared,", "Vahl", "told", QuoteKind.Direct },
        // nested single quotes stay inside the content
        { "Quant said: “The board told me ‘wait and see’ for years.”", "The board told me ‘wait and see’ for years.", "Quant", "said", QuoteKind.Direct },
        // headline with a colon
        { "Vahl: The harbour will stay open", "The harbour will stay open", "Vahl", ":", QuoteKind.Indirect },
        // a question put to the speaker
        { "Asked whether she would resign, Vahl shook her head.", "whether she would resign", null, "Asked", QuoteKind.Indirect },
        // a poll as the source
        { "In the latest Tarsk Ledger poll, Vahl leads by nine points.", "Vahl leads by nine points", "the latest Tarsk Ledger poll", "In", QuoteKind.Indirect },
        // coordinated cue: the clause's free subject speaks
        { "Fenn took the stage and called the plan “a swindle”.", "the plan “a swindle”", "Fenn", "called", QuoteKind.Partial },
        // parenthetical attribution: the content is both sides of it
        { "Many of the piers, Quant said, were built before the war.", "Many of the piers | were built before the war", "Quant", "said", QuoteKind.Indirect },
        // evidence verb after the content
        { "Vahl leads by nine points, the survey found.", "Vahl leads by nine points", "the survey", "found", QuoteKind.Indirect },
        // two apostrophes as quotation marks
        { "''We are ready,'' Ms. Quant said.", "We are ready,", "Ms. Quant", "said", QuoteKind.Direct },
        // cognition and evidence verbs with a bare complement
        { "Quant hopes the ferry will run again by spring.", "the ferry will run again by spring", "Quant", "hopes", QuoteKind.Indirect },
        { "The harbour survey found most boats in poor repair.", "most boats in poor repair", "The harbour survey", "found", QuoteKind.Indirect },
        { "Ledger polls show Vahl ahead in every district.", "Vahl ahead in every district", "Ledger polls", "show", QuoteKind.Indirect },
        // "according to" attributes the whole clause, an inner cue included
        { "Most dockers say they will strike, according to the Ledger survey.", "Most dockers say they will strike", "the Ledger survey", "according to", QuoteKind.Indirect },
        // what a quote refers to
        { "“It is over,” Vahl said, referring to the ferry contract.", "the ferry contract", "Vahl", "referring to", QuoteKind.Indirect },
        // a headline lead with a lowercase word
        { "Vahl camp: The harbour deal is dead", "The harbour deal is dead", "Vahl camp", ":", QuoteKind.Indirect },
        // reporting nouns and adjectives with a "that" clause
        { "Vahl's claim that the dam leaks was never checked.", "that the dam leaks was never checked", "Vahl's", "claim", QuoteKind.Indirect },
        { "Quant expressed confidence that the ferry would run.", "that the ferry would run", "Quant", "confidence", QuoteKind.Indirect },
        { "The dockers are convinced that the port will close.", "that the port will close", "The dockers", "convinced", QuoteKind.Indirect },
        // an apposition too long to parse: the name opening the sentence speaks
        { "Vahl, the Tarsk mayor who chairs the harbour board and the ferry committee of the northern river towns, said the fares would rise.", "the fares would rise", "Vahl", "said", QuoteKind.Indirect },
        // a coordinated cue shares the subject that already speaks for the first verb
        { "Fenn rejected the plan and said that the vote was rigged.", "that the vote was rigged", "Fenn", "said", QuoteKind.Indirect },
        // raising predicates: subject and complement are the content, no speaker
        { "The ferry plan seemed to be dead by Friday.", "The ferry plan | to be dead by Friday", null, "seemed", QuoteKind.Indirect },
        { "Vahl is expected to announce the budget on Monday.", "Vahl | to announce the budget on Monday", null, "is expected", QuoteKind.Indirect },
        { "It appears that the dam was never inspected.", "that the dam was never inspected", null, "appears", QuoteKind.Indirect },
    };

    [Theory]
    [MemberData(nameof(Quotes))]
    public void QuoteExtractor_FindsQuoteWithSpeakerAndCue(string text, string content, string? speaker, string? cue, QuoteKind kind)
    {
        var result = QuoteExtractor.Extract(text);
        var quote = Assert.Single(result.Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
        Assert.Equal(kind, quote.Quote.Kind);
        AssertInvariants(text, result);
    }

    [Fact]
    public void QuoteExtractor_JoinsQuotationInterruptedByCue()
    {
        const string text = "“We will not wait,” she said. “The river will not wait either.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal(["We will not wait,", "The river will not wait either."], quote.ContentParts.Select(p => p.Of(text)));
        Assert.Equal("she", quote.Quote.Speaker?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_JoinsQuotationResumedAfterCueInSameSentence()
    {
        const string text = "“Most towns tried,” Quant said, “but few had the money.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal(["Most towns tried,", "but few had the money."], quote.ContentParts.Select(p => p.Of(text)));
    }

    [Fact]
    public void QuoteExtractor_SentenceFinalAttributionClaimsWholeSentence()
    {
        const string text = "The firm lobbied on harbour fees and ferry licences for years, said Rolf Adler, a former partner.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("The firm lobbied on harbour fees and ferry licences for years", quote.Quote.Content.Of(text));
        Assert.Equal("Rolf Adler", quote.Quote.Speaker?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_QuotationParagraphKeepsLastSpeaker()
    {
        const string text = "Fenn told the crowd:\n\n“We will build it ourselves.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("Fenn", quote.Quote.Speaker?.Of(text));
        Assert.Equal("told", quote.Quote.Cue?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_ContinuesQuotationAcrossParagraphs()
    {
        // An opening mark without a closing one, continued by a paragraph that opens with a mark (news convention).
        const string text = "Councillor Ada Fenn said: “We fought for this bridge for ten years.\n\n“We will keep fighting until it is built.”\n\nThe council meets again in June.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal(["We fought for this bridge for ten years.", "We will keep fighting until it is built."], quote.ContentParts.Select(p => p.Of(text)));
        Assert.Equal("Councillor Ada Fenn", quote.Quote.Speaker?.Of(text));
        Assert.Equal(QuoteKind.Direct, quote.Quote.Kind);
    }

    [Fact]
    public void QuoteExtractor_ResolvesPronounToRecentSpeaker()
    {
        const string text = "Harbourmaster Ilse Quant said the piers were unsafe.\n\n“Nobody should expect miracles,” she added.";
        var quotes = QuoteExtractor.Extract(text).Quotes;
        var she = Assert.Single(quotes, q => q.Quote.Speaker?.Of(text) == "she");
        Assert.Equal("Harbourmaster Ilse Quant", she.SpeakerAntecedent?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_ResolvesPronounToNameInSameSentence()
    {
        const string text = "Tarsk radio confirmed Vahl’s offer, quoting her saying “The door is open.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Kind == QuoteKind.Direct);
        Assert.Equal("her", quote.Quote.Speaker?.Of(text));
        Assert.Equal("Vahl", quote.SpeakerAntecedent?.Of(text));
    }

    public static TheoryData<string, string, string, string> Attributions => new()
    {
        { "The dam leaks, sources familiar with the inspection told the Corvin Herald.", "Corvin Herald", AttributionKinds.Told, "The dam leaks" },
        { "Officials have told The Tarsk Ledger that the dam leaks.", "The Tarsk Ledger", AttributionKinds.Told, "the dam leaks" },
        { "The Tarsk News Agency reported that the mayor had resigned.", "The Tarsk News Agency", AttributionKinds.Reported, "the mayor had resigned" },
        { "The Corvin state news agency Kestra said the mayor had resigned.", "Kestra", AttributionKinds.Reported, "the mayor had resigned" },
        { "In an interview with Radio Tarsk, Fenn said she would appeal.", "Radio Tarsk", AttributionKinds.Interview, "Fenn said she would appeal" },
        { "According to a report by the Corvin Herald, the works were delayed twice.", "Corvin Herald", AttributionKinds.AccordingTo, "the works were delayed twice" },
        { "Documents seen by the Tarsk Ledger show the deal was signed in 2019.", "Tarsk Ledger", AttributionKinds.Document, "show the deal was signed in 2019" },
        { "Material for this report was found via the companies and officials named above.", "the companies and officials named above", AttributionKinds.Document, "Material for this report" },
        { "TARSK (Corvin Wire) — The mayor resigned on Friday.", "Corvin Wire", AttributionKinds.WireCredit, "The mayor resigned on Friday" },
    };

    [Theory]
    [MemberData(nameof(Attributions))]
    public void AttributionFinder_FindsOriginAndKind(string text, string origin, string kind, string claim)
    {
        var result = QuoteExtractor.Extract(text);
        var attribution = Assert.Single(result.Attributions, a => a.Origin == origin);
        Assert.Equal(kind, attribution.Kind);
        Assert.Equal(origin, attribution.OriginSpan.Of(text));
        Assert.Equal(claim, attribution.Claim?.Of(text));
        AssertInvariants(text, result);
    }

    [Fact]
    public void QuoteExtractor_LaterOutletMentionIsAttribution()
    {
        const string text = "The Corvin state news agency Kestra reported on Monday that the mayor had resigned.\n\nOn Tuesday, Kestra said the deputy would take over.";
        var attributions = QuoteExtractor.Extract(text).Attributions;
        Assert.Equal(2, attributions.Count(a => a.Origin == "Kestra" && a.Kind == AttributionKinds.Reported));
    }

    [Fact]
    public void QuoteExtractorStage_ResolvesSpeakersToEntitiesAndMarksLayers()
    {
        const string text = "“The harbour stays open,” Ilse Quant said.\n\n“We will not sell it,” she added.";
        var article = new Article
        {
            Id = "a1",
            SourceId = "s1",
            Origin = "test",
            Metadata = ArticleMetadata.Empty,
            RawText = text,
            Text = text,
            Map = OffsetMap.Identity(text.Length),
        };
        var start = text.IndexOf("Ilse Quant", StringComparison.Ordinal);
        var doc = new Doc(article) { Mentions = [new Mention(new TextSpan(start, start + 10), EntityType.Person, "Ilse Quant", "E1")] };
        var stage = new QuoteExtractor();
        var result = stage.Process(doc, TestContext.Current.CancellationToken);
        Assert.Contains(Layers.Quotes, result.Layers);
        Assert.Contains(Layers.Attributions, result.Layers);
        Assert.Equal(2, result.Quotes.Length);
        Assert.All(result.Quotes, q => Assert.Equal("E1", q.SpeakerEntityId));
        Assert.All(result.Quotes, q => Assert.False(q.InEmbed));
    }

    [Fact]
    public void QuoteExtractorStage_MarksQuotesInsideEmbeds()
    {
        const string text = "The mayor posted a message.\n“Vote tomorrow,” Vahl wrote.";
        var embedStart = text.IndexOf('“', StringComparison.Ordinal);
        var article = new Article
        {
            Id = "a2",
            SourceId = "s2",
            Origin = "test",
            Metadata = ArticleMetadata.Empty,
            RawText = text,
            Text = text,
            Map = OffsetMap.Identity(text.Length),
            Embeds = [new Embed { Kind = EmbedKind.SocialPost, RawSpan = new TextSpan(embedStart, text.Length), Text = text[embedStart..] }],
        };
        var result = new QuoteExtractor().Process(new Doc(article), TestContext.Current.CancellationToken);
        var quote = Assert.Single(result.Quotes);
        Assert.True(quote.InEmbed);
    }

    [Fact]
    public void QuoteExtractor_IsDeterministic()
    {
        var text = string.Join("\n\n", Quotes.Select(row => row.Data.Item1));
        static string Render(QuoteExtraction r) =>
            string.Join("\n", r.Quotes.Select(q => $"{q.Quote} {string.Join(",", q.ContentParts)} {q.SpeakerAntecedent}").Concat(r.Attributions.Select(a => a.ToString())));
        var first = Render(QuoteExtractor.Extract(text));
        Assert.NotEmpty(first);
        Assert.Equal(first, Render(QuoteExtractor.Extract(text)));
        var parallel = new string[4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Render(QuoteExtractor.Extract(text)));
        Assert.All(parallel, p => Assert.Equal(first, p));
    }

    [Fact]
    public void QuoteExtractor_TableTextsTogetherKeepInvariants()
    {
        var text = string.Join("\n\n", Quotes.Select(row => row.Data.Item1).Concat(Attributions.Select(row => row.Data.Item1)));
        var result = QuoteExtractor.Extract(text);
        Assert.True(result.Quotes.Length >= Quotes.Count);
        AssertInvariants(text, result);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property QuoteExtractor_RandomTextNeverThrowsAndKeepsInvariants()
    {
        var pieces = Gen.Elements("“", "”", "\"", "'", "''", "‘", "’", " said ", " told ", "according to ", ", ", ". ", "\n", "\n\n", "…", "...",
            "Vahl", "he", "the Corvin Herald", " reported ", "(Wire) — ", ":", "that ", "calling them ", "x", "\uD83D\uDE00", "\r\n", " ");
        var gen = Gen.ListOf(pieces).Select(p => string.Concat(p));
        return Prop.ForAll(Arb.From(gen), text =>
        {
            var result = QuoteExtractor.Extract(text);
            AssertInvariants(text, result);
            return true;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool QuoteExtractor_ArbitraryStringNeverThrows(string? text)
    {
        var result = QuoteExtractor.Extract(text ?? "");
        AssertInvariants(text ?? "", result);
        return true;
    }

    /// <summary>Every span fits the text and its text equals the characters it points at; content is never empty; parts are sorted and disjoint.</summary>
    internal static void AssertInvariants(string text, QuoteExtraction result)
    {
        foreach (var q in result.Quotes)
        {
            Assert.False(q.ContentParts.IsDefaultOrEmpty);
            Assert.True(q.Quote.Content.FitsIn(text));
            Assert.False(q.Quote.Content.IsEmpty);
            Assert.Contains(q.Quote.Content.Of(text), c => char.IsLetterOrDigit(c));
            Assert.Equal(q.ContentParts[0].Start, q.Quote.Content.Start);
            Assert.Equal(q.ContentParts[^1].End, q.Quote.Content.End);
            for (var i = 0; i < q.ContentParts.Length; i++)
            {
                Assert.True(q.ContentParts[i].FitsIn(text) && !q.ContentParts[i].IsEmpty);
                Assert.True(i == 0 || q.ContentParts[i - 1].End < q.ContentParts[i].Start);
            }

            foreach (var span in new[] { q.Quote.Cue, q.Quote.Speaker, q.SpeakerAntecedent })
            {
                if (span is { } s)
                {
                    Assert.True(s.FitsIn(text));
                    Assert.False(s.IsEmpty);
                }
            }
        }

        foreach (var a in result.Attributions)
        {
            Assert.True(a.Span.FitsIn(text) && a.OriginSpan.FitsIn(text));
            Assert.Equal(a.Origin, a.OriginSpan.Of(text));
            Assert.True(a.Span.Contains(a.OriginSpan));
            Assert.False(a.OriginSpan.IsEmpty);
            Assert.True(a.Claim is not { } c || (c.FitsIn(text) && !c.IsEmpty));
        }
    }
}
