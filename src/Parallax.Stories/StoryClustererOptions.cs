namespace Parallax.Stories;

/// <summary>
/// Settings of <see cref="StoryClusterer"/>. Defaults were chosen by sweeps on the dev sets
/// (docs/stories.md records the sweep and the figures); one setting for every set, no per-set rules.
/// </summary>
public sealed record StoryClustererOptions
{
    public static StoryClustererOptions Default { get; } = new();

    /// <summary>How many times a headline word counts compared with a body word (&gt;= 0).</summary>
    public double TitleWeight { get; init; } = 2.0;

    /// <summary>Weight multiplier of entity-like features (<c>e:</c>) relative to words.</summary>
    public double EntityWeight { get; init; } = 0.5;

    /// <summary>Weight multiplier of adjacent stemmed word pairs (<c>b:</c>, stop words skipped); 0 disables them.</summary>
    public double BigramWeight { get; init; } = 1.0;

    /// <summary>Weight multiplier of number features (<c>n:</c>).</summary>
    public double NumberWeight { get; init; } = 0.5;

    /// <summary>Weight multiplier of quote-trigram features (<c>q:</c>).</summary>
    public double QuoteWeight { get; init; } = 0.5;

    /// <summary>Ignore features that occur in only one article of the set (they cannot link two articles, only dilute the cosine).</summary>
    public bool IgnoreUniqueFeatures { get; init; } = true;

    /// <summary>
    /// A pair is kept in the similarity graph only when its cosine with unique features counted in the norms is at
    /// least this. Ignoring unique features inflates the cosine of an article whose words are mostly its own (an
    /// unrelated article in a small set: a bakery opening next to a strike in the same town); this floor stops it.
    /// 0 disables. 0.04 since session 6 (was 0.05): with <see cref="ShortCohesionRatio"/> the extra pairs no longer merge
    /// topics of short leads (NeuS train sets +0.003, ECB+ unchanged).
    /// </summary>
    public double MinFullCosine { get; init; } = 0.04;

    /// <summary>
    /// Consolidation compares <c>cosine · (sqrt(wordsA · wordsB) / LengthReference)^LengthExponent</c> (factor clamped to
    /// [1/3, 3]) with the thresholds: long articles share a smaller part of their words than two short leads about the
    /// same event, so they need a lower cosine. 0 disables.
    /// </summary>
    public double LengthExponent { get; init; } = 0.2;

    /// <summary>Word count at which the length factor is 1 (see <see cref="LengthExponent"/>).</summary>
    public double LengthReference { get; init; } = 100;

    /// <summary>
    /// After average link, a member of a story of at least 3 articles whose average similarity to the others is below
    /// <c>OutlierRatio</c> × the others' own average similarity is split off as its own story (and linked as related):
    /// an article on the same question but another event. 0 disables.
    /// </summary>
    public double OutlierRatio { get; init; } = 0.0;

    /// <summary>
    /// When in (0, <see cref="MergeThreshold"/>), a story of one article joins another story at this average similarity
    /// (two stories of several articles still need <see cref="MergeThreshold"/>). 0 disables. 0.10 by default since
    /// session 6: with <see cref="ShortCohesionRatio"/> guarding short leads, lone articles joining their story at a lower
    /// average no longer chains topics (docs/stories.md, "Session 6").
    /// </summary>
    public double SingletonThreshold { get; init; } = 0.10;

    /// <summary>
    /// Length-aware thresholds (0: off). A lone article of at least this many words (<see cref="ArticleFeatures.Words"/>,
    /// analysed tokens without stop words) joins a story at <see cref="LongSingletonThreshold"/>, and two stories whose
    /// members' lengths have a geometric mean of at least this merge at <see cref="LongMergeThreshold"/>: a full article
    /// shares a smaller part of its vocabulary with the other reports of its event than a 60-word lead does. The default
    /// (150) is above every lead of the NeuS sets (at most about 100 such words), so short texts keep the plain thresholds.
    /// </summary>
    public int LongPairWords { get; init; } = 150;

    /// <summary>Merge threshold of long pairs (see <see cref="LongPairWords"/>), in (0, <see cref="MergeThreshold"/>]; 0 keeps <see cref="MergeThreshold"/>.</summary>
    public double LongMergeThreshold { get; init; }

    /// <summary>
    /// Singleton threshold of long lone articles (see <see cref="LongPairWords"/>), in (0, <see cref="MergeThreshold"/>);
    /// 0 keeps <see cref="SingletonThreshold"/>. A long article left alone by average link is a report whose wording
    /// differs from the others of its event more than a lead would; it joins the story it is closest to on average.
    /// Off (0) by default since the session-6 merge: with <see cref="SingletonThreshold"/> 0.10 for every length, 0.07–0.09
    /// for long articles lowered ecbplus-dev (0.9394 → 0.9383) and changed nothing else (docs/stories.md, "Session 6").
    /// </summary>
    public double LongSingletonThreshold { get; init; }

    /// <summary>Average-link merge threshold on the (time-discounted) cosine, in (0, 1].</summary>
    public double MergeThreshold { get; init; } = 0.14;

    /// <summary>
    /// Two multi-article clusters are not merged when their average cosine is below this ratio times the smaller of
    /// their own internal averages (two tight groups loosely tied are two events of one topic). 0 disables.
    /// </summary>
    public double CohesionRatio { get; init; } = 0.0;

    /// <summary>
    /// As <see cref="CohesionRatio"/>, but only for two clusters whose members all have at most
    /// <see cref="ShortCohesionMaxWords"/> words (short leads, briefs): their average must reach this ratio times the
    /// smaller of their own averages to merge: two tight groups of leads loosely tied are two events of one topic (weekly
    /// jobless claims, two stages of one bill). See <see cref="ShortLeadCohesion"/>. 0 disables. 0.9 since session 6
    /// (second round; was 0.8 for every size): a merge whose smaller group is a pair uses <see cref="ShortCohesionPairRatio"/>.
    /// </summary>
    public double ShortCohesionRatio { get; init; } = 0.9;

    /// <summary>Longest article (analysed words, as <see cref="ArticleFeatures.Words"/>) that counts as short for <see cref="ShortCohesionRatio"/>.</summary>
    public int ShortCohesionMaxWords { get; init; } = 90;

    /// <summary>
    /// <see cref="ShortCohesionRatio"/> for a merge whose smaller group is a pair of short texts (its own average is a
    /// single similarity, so a noisier reference than the average of three or more). 0 keeps <see cref="ShortCohesionRatio"/>.
    /// 0.8 (session 6, second round): NeuS train c0–c7 0.9124 → 0.9139 with ratio 0.9, ecbplus-dev unchanged.
    /// </summary>
    public double ShortCohesionPairRatio { get; init; } = 0.8;

    /// <summary>
    /// A lone short article joins a group of at least <see cref="ShortGrowthMinSize"/> short articles only when its
    /// average similarity to the group reaches this ratio times the group's own average (see <see cref="ShortLeadGrowth"/>;
    /// "short" as for <see cref="ShortCohesionMaxWords"/>). 0 disables. 0.5 since session 7 (with
    /// <see cref="ShortGrowthSingletonThreshold"/> 0.07: NeuS train test-sized sets 0.9139 → 0.9240, ecbplus-dev unchanged;
    /// docs/stories.md, "Session 7"); 0.55 since session 8, round 2 (with the threshold 0.065, re-tuned after
    /// <see cref="HubnessWeight"/>: test-sized sets 0.9264 → 0.9286, train whole 0.8124 → 0.8128, ecbplus-dev unchanged).
    /// </summary>
    public double ShortGrowthRatio { get; init; } = 0.55;

    /// <summary>Smallest group (members) whose growth by a lone short article <see cref="ShortGrowthRatio"/> judges.</summary>
    public int ShortGrowthMinSize { get; init; } = 3;

    /// <summary>
    /// As <see cref="ShortGrowthRatio"/> for a pair of short leads joining a group of at least <see cref="ShortGrowthMinSize"/>
    /// short leads: its average must reach this ratio times the larger group's own average. 0 disables.
    /// </summary>
    public double ShortGrowthPairRatio { get; init; }

    /// <summary>
    /// When in (0, <see cref="SingletonThreshold"/>), a lone short article joins a group of fewer than
    /// <see cref="ShortGrowthMinSize"/> short articles (or another lone short article) at this average: with
    /// <see cref="ShortGrowthRatio"/> keeping lone leads out of complete-looking groups, a lead worded apart from its
    /// event can still join the smaller group of its own event. 0 disables. 0.07 since session 7 (see
    /// <see cref="ShortGrowthRatio"/>); 0.065 since session 8, round 2. Not combined with <see cref="LongSingletonThreshold"/>/<see cref="LongMergeThreshold"/>:
    /// when either is set, <see cref="LongPairRule"/> alone decides what a lone article needs.
    /// </summary>
    public double ShortGrowthSingletonThreshold { get; init; } = 0.065;

    /// <summary>
    /// When &gt; 0, the similarity graph keeps only edges among the strongest <c>NeighbourLimit</c> of either endpoint,
    /// so a dense topic (many look-alike events) does not chain into one story. 0 keeps all edges.
    /// </summary>
    public int NeighbourLimit { get; init; } = 12;

    /// <summary>
    /// Event split (a second, event-level pass): inside each story of at least <see cref="EventSplitMinSize"/> articles,
    /// features are re-weighted by their inverse document frequency among the story's own members, so the words the
    /// whole topic shares (names, the kind of event) fade and the words of each event (places, numbers, what happened)
    /// count; average link is re-run inside the story on that local cosine down to this ratio times the story's mean
    /// local cosine; groups of two or more become stories, a member left alone rejoins its closest group. Off (0) by
    /// default: on the dev sets it separates topic merges of short leads (NeuS) but also splits large one-event
    /// stories into reporting variants (ECB+); docs/stories.md has the figures.
    /// </summary>
    public double EventSplitThreshold { get; init; }

    /// <summary>
    /// Event split: two event groups found inside a story are kept apart only when their average global similarity is
    /// below this ratio times the smaller of their own internal averages. 0 disables the check.
    /// </summary>
    public double EventSplitCohesion { get; init; }

    /// <summary>Smallest story the event split looks into (see <see cref="EventSplitThreshold"/>).</summary>
    public int EventSplitMinSize { get; init; } = 4;

    /// <summary>
    /// Two groups of <see cref="NameConflictMinSize"/> to <see cref="NameConflictMaxSize"/> articles, neither all short
    /// (see <see cref="ShortCohesionMaxWords"/>), are not merged when their average is below this ratio × the looser
    /// group's own average and each group names, in at least <see cref="NameConflictShare"/> of its members (and at least
    /// two), a name (<c>e:</c> feature) that fewer than a quarter of the other's members name (see
    /// <see cref="GroupNameConflict"/>). 0 disables; off by default: chosen on no development set (ecbplus-dev and NeuS
    /// train unchanged at 0.8), its only gain is on a report-only set (docs/stories.md, "Session 8").
    /// </summary>
    public double NameConflictRatio { get; init; }

    /// <summary>Smallest group <see cref="NameConflictRatio"/> judges (at least 2).</summary>
    public int NameConflictMinSize { get; init; } = 3;

    /// <summary>Largest group <see cref="NameConflictRatio"/> judges (0: any size). Larger groups of full articles are
    /// often one event told in parts, each part naming its own people and places (ecbplus-dev 0.9502 → 0.9368 at 4).</summary>
    public int NameConflictMaxSize { get; init; } = 3;

    /// <summary>Share of a group's members that must name a name for it to count as the group's own (see <see cref="NameConflictRatio"/>).</summary>
    public double NameConflictShare { get; init; } = 0.5;

    /// <summary>Online placement: minimum cosine between a new article and a story centroid to join it.</summary>
    public double PlacementThreshold { get; init; } = 0.15;

    /// <summary>Two stories whose average cosine is at least this (but below <see cref="MergeThreshold"/>) are linked as related.</summary>
    public double RelatedThreshold { get; init; } = 0.08;

    /// <summary>Pairs below this cosine are not kept in the similarity graph (treated as 0 by average link).</summary>
    public double EdgeFloor { get; init; } = 0.03;

    /// <summary>
    /// Consolidation multiplies the similarity of two articles whose headlines or leads both name days of the week, but
    /// no day in common and none on neighbouring days, by this factor (in (0, 1]; 1 disables): "on Tuesday" and "on Friday" in two leads are two days,
    /// so usually two events of one topic. A stated-time counterpart of the publication-date discount for undated text.
    /// </summary>
    public double WeekdayConflictFactor { get; init; } = 0.3;

    /// <summary>
    /// As <see cref="WeekdayConflictFactor"/> when the nearest named days of the two articles are neighbours (Friday and
    /// Saturday): one event is often reported on the next day, so neighbouring days are weaker evidence of two events.
    /// 0.8 since session 6 (was 1): with <see cref="ShortCohesionRatio"/> the mild discount no longer costs ECB+.
    /// </summary>
    public double WeekdayAdjacentFactor { get; init; } = 0.8;

    /// <summary>
    /// The similarity of two short articles (see <see cref="WeekdayMaxWords"/>) whose headlines or leads name a weekday in
    /// common is multiplied by this (&gt;= 1; 1 disables): the same stated day is a little evidence of the same event.
    /// </summary>
    public double WeekdayMatchFactor { get; init; } = 1.0;

    /// <summary>
    /// The weekday conflict applies only when both articles have at most this many words (0: any length). A short text
    /// (a lead, an excerpt, a brief) names the day of its one event; a full article also names the days of background
    /// and follow-ups, so different days in two long articles are weak evidence of two events.
    /// </summary>
    public int WeekdayMaxWords { get; init; } = 150;

    /// <summary>How many characters of the body (after a repeated headline) count as the lead for <see cref="ArticleFeatures.StatedWeekdays"/>.</summary>
    public int WeekdayLeadChars { get; init; } = 300;

    /// <summary>
    /// Consolidation multiplies the similarity of two articles whose headlines and leads state different figures of one
    /// kind — earthquake magnitudes more than <see cref="LeadEvent.MagnitudeTolerance"/> apart, sums of one currency more
    /// than <see cref="LeadEvent.AmountRatio"/> apart — by this factor (in (0, 1]; 1 disables): two events of one kind
    /// (two quakes on one island, two jewel heists in one city). See <see cref="LeadEvent"/>. 0.3 since session 7 (with
    /// <see cref="LeadEventKinds"/> = magnitudes): ecbplus-dev 0.9394 → 0.9433, every other set unchanged.
    /// </summary>
    public double LeadEventConflictFactor { get; init; } = 0.3;

    /// <summary>The lead-event conflict applies only when the longer of the two articles has more than this many words (0: any length).</summary>
    public int LeadEventMinWords { get; init; }

    /// <summary>
    /// Which lead-event conflicts <see cref="LeadEventConflictFactor"/> applies, as bits: 1 earthquake magnitudes, 2 sums of
    /// money, 4 a headline reporting a reversal against an article naming none (<see cref="LeadEvent.ReversalConflict"/>,
    /// both articles longer than <see cref="ReversalMinWords"/>). 5 (magnitudes and reversals) by default: sums of money
    /// also differ inside one event (an offer reported as $160 million and $200 million), and comparing them lowered
    /// ecbplus-dev (0.9394 → 0.9360); reversals raise it 0.9433 → 0.9502 (docs/stories.md, "Session 7").
    /// </summary>
    public int LeadEventKinds { get; init; } = 5;

    /// <summary>
    /// The reversal conflict (<see cref="LeadEventKinds"/> bit 4) applies only when both articles have more than this many
    /// words (<see cref="ArticleFeatures.Words"/>). 150 (above every NeuS lead): short leads of one story often differ in
    /// whether they name the reversal (NeuS train pairs put together: 110 of one story against 25 of two).
    /// </summary>
    public int ReversalMinWords { get; init; } = 150;

    /// <summary>How many characters of the body (after a repeated headline) count as the lead for <see cref="LeadEvent"/>.</summary>
    public int LeadEventChars { get; init; } = 300;

    /// <summary>Two dated articles at most this many days apart are not discounted.</summary>
    public int SameEventDays { get; init; } = 3;

    /// <summary>Beyond <see cref="SameEventDays"/>, the cosine is multiplied by exp(-(days - SameEventDays) / DayDecay).</summary>
    public double DayDecay { get; init; } = 3.0;

    /// <summary>Online placement keeps only this many of an article's heaviest features (centroids and scoring); 0 keeps all. Consolidation always uses all.</summary>
    public int OnlineFeatures { get; init; }

    /// <summary>How many of an article's heaviest features are used to look up candidates in the inverted index.</summary>
    public int CandidateFeatures { get; init; } = 40;

    /// <summary>Features in more than this share of the articles (and more than <see cref="CandidateMaxDfMin"/>) are not used for candidate lookup.</summary>
    public double CandidateMaxDfShare { get; init; } = 0.05;

    public int CandidateMaxDfMin { get; init; } = 50;

    /// <summary>How many of the best-scoring candidates (by partial dot product) get an exact cosine, per article.</summary>
    public int CandidatesPerArticle { get; init; } = 60;

    /// <summary>
    /// Local scaling against hubness (see <see cref="HubnessScaling"/>): an article's crowding is the mean of its this many
    /// strongest candidate similarities, and the similarity of two short texts (both at most <see cref="HubnessMaxWords"/>)
    /// is lowered by <see cref="HubnessWeight"/> × how much the pair's mean crowding exceeds the set's mean crowding. 0
    /// disables. 15 since session 8 (with weight 2, ≤ 90 words, lowering only): NeuS train whole 0.7996 → 0.8124, NeuS
    /// train test-sized sets 0.9240 → 0.9264, ecbplus-dev unchanged (docs/stories.md, "Session 8").
    /// </summary>
    public int HubnessNeighbours { get; init; } = 15;

    /// <summary>β of <see cref="HubnessNeighbours"/>: a pair's similarity becomes <c>s − β · ((r_a + r_b) / 2 − r̄)</c> (&gt;= 0; 0 disables).</summary>
    public double HubnessWeight { get; init; } = 2.0;

    /// <summary>Longest text (analysed words, as <see cref="ArticleFeatures.Words"/>) whose pairs <see cref="HubnessNeighbours"/> rescales; 0: any length.</summary>
    public int HubnessMaxWords { get; init; } = 90;

    /// <summary>
    /// The hubness shift only lowers the similarity of pairs more crowded than the mean (true), or also raises pairs less
    /// crowded (false: the centred CSLS form, which merges more and lowered ecbplus-dev 0.9502 → 0.9417).
    /// </summary>
    public bool HubnessDownOnly { get; init; } = true;

    /// <summary>At most this many related links per story.</summary>
    public int MaxRelated { get; init; } = 5;

    /// <summary>
    /// The short-lead cohesion ratio (<see cref="ShortCohesionRatio"/>) for a merge of two groups of at least three short
    /// texts when the larger has at least <see cref="ShortCohesionLargeSize"/> members (<see cref="ShortCohesionLarge"/>).
    /// 0 keeps <see cref="ShortCohesionRatio"/>. 0.5 since session 9 (clusterer version 10): ecbplus-dev 0.9502 → 0.9540
    /// (even topics 0.9320 → 0.9453, odd unchanged), NeuS train test-sized sets and train whole unchanged
    /// (docs/stories.md, "Session 9").
    /// </summary>
    public double ShortCohesionLargeRatio { get; init; } = 0.5;

    /// <summary>Smallest larger group (members) for <see cref="ShortCohesionLargeRatio"/>; at least 3.</summary>
    public int ShortCohesionLargeSize { get; init; } = 4;

    /// <summary>
    /// A lone short lead may join another lone short lead or a pair of short leads from this average when it states a number
    /// that a member states too and that at most <see cref="RareNumberMaxDf"/> articles of the set state
    /// (<see cref="RareNumberJoin"/>; with <see cref="ShortGrowthRatio"/> or <see cref="ShortGrowthSingletonThreshold"/> on,
    /// length-aware thresholds off). 0 disables; must be below <see cref="SingletonThreshold"/>. 0.04 since session 9
    /// (clusterer version 11): NeuS train test-sized sets 0.9286 → 0.9289 (B3 recall 0.9077 → 0.9085), NeuS train whole,
    /// NeuS val alone and ecbplus-dev unchanged (docs/stories.md, "Session 9").
    /// </summary>
    public double RareNumberJoinThreshold { get; init; } = 0.04;

    /// <summary>Most articles of the set that may state a number for <see cref="RareNumberJoinThreshold"/> (at least 2).</summary>
    public int RareNumberMaxDf { get; init; } = 3;
    /// Headline actions (see <see cref="HeadlineAction"/>): the similarity of two short texts (both at most
    /// <see cref="ActionMaxWords"/>) whose headline and first lead sentence both name event actions, none of one class,
    /// is multiplied by this (1 disables): the same names doing different things are sibling events of one topic.
    /// </summary>
    public double ActionConflictFactor { get; init; } = 1.0;

    /// <summary>
    /// Factor for two short texts (both at most <see cref="ActionMaxWords"/>) whose headlines and first lead sentences
    /// name one action class (1 disables; see <see cref="HeadlineAction"/>). 1.35 since session 9: NeuS train whole
    /// 0.8128 → 0.8169, NeuS train test-sized sets 0.9286 → 0.9305, ecbplus-dev 0.9502 unchanged (docs/stories.md, "Session 9").
    /// </summary>
    public double ActionMatchFactor { get; init; } = 1.35;

    /// <summary>Characters of the lead whose first sentence adds to the headline's actions (0: the headline alone).</summary>
    public int ActionLeadChars { get; init; } = 200;

    /// <summary>Longest text (analysed words) whose pairs the action factors apply to; 0: any length.</summary>
    public int ActionMaxWords { get; init; } = 90;

    /// <summary>Nonzero: the framing and context classes (<see cref="HeadlineAction.FramingClasses"/>) count neither for a conflict nor for a match.</summary>
    public int ActionFraming { get; init; }

    /// <summary>
    /// Namespace weight of one <c>a:</c> feature per action class of a short text's headline and first lead sentence (at most
    /// <see cref="ActionMaxWords"/> words; 0 disables): synonyms of one act ("slams", "blasts") then count as shared
    /// words, and two different acts as words not shared, weighted by their IDF like any word.
    /// </summary>
    public double ActionFeatureWeight { get; init; }

    /// <summary>Nonzero: <see cref="ActionConflictFactor"/> applies only to pairs sharing a name (an <c>e:</c> feature).</summary>
    public int ActionConflictNeedsName { get; init; }

    /// <summary>
    /// A lone short text in a crowded region (see <see cref="NeighbourRankCrowded"/>) joins another lone short text or a
    /// small group of short texts (fewer than <see cref="NeighbourRankMaxGroup"/> members) only when one of its graph
    /// edges to a member is among the this many strongest edges of either end (<see cref="Stories.NeighbourRankJoin"/>).
    /// 0 disables. 2 since session 10 (clusterer version 13, with group size 4 and crowding 0.7): NeuS train whole 0.8169
    /// → 0.8207, NeuS train test-sized sets 0.9306 → 0.9305, ecbplus-dev 0.9557 unchanged (docs/stories.md, "Session 10").
    /// </summary>
    public int NeighbourRankJoin { get; init; } = 2;

    /// <summary>Groups of this many members or more are not judged by <see cref="NeighbourRankJoin"/> (at least 2).</summary>
    public int NeighbourRankMaxGroup { get; init; } = 4;

    /// <summary>
    /// <see cref="NeighbourRankJoin"/> judges only lone texts whose crowding (mean of their
    /// <see cref="NeighbourRankCrowding"/> strongest graph similarities) exceeds this × the set's mean crowding; 0: every
    /// lone short text (also when <see cref="NeighbourRankCrowding"/> is 0).
    /// </summary>
    public double NeighbourRankCrowded { get; init; } = 0.7;

    /// <summary>Strongest graph similarities averaged into a text's crowding for <see cref="NeighbourRankCrowded"/> (as <see cref="HubnessNeighbours"/>, kept apart so that turning hubness scaling off leaves this rule as it is).</summary>
    public int NeighbourRankCrowding { get; init; } = 15;
    /// <summary>
    /// Weight of the distributional (second-order) similarity of two short texts (<see cref="DistributionalSimilarity"/>,
    /// computed from the set itself): a graph pair of two texts of at most <see cref="DistributionalMaxWords"/> words
    /// gets <c>s · (1 + weight · (cos₂ − <see cref="DistributionalCentre"/>))</c>, only when at least
    /// <see cref="DistributionalMinShortShare"/> of the set is short. 0 disables. 1.5 since session 11 (clusterer version
    /// 14, words only, centre 0.85): NeuS train whole 0.8207 → 0.8274, NeuS train test-sized sets 0.9305 → 0.9334, ecbplus-dev unchanged
    /// (docs/stories.md, "Session 11").
    /// </summary>
    public double DistributionalWeight { get; init; } = 1.5;

    /// <summary>Offset the distributional cosine is centred on (see <see cref="DistributionalWeight"/>).</summary>
    public double DistributionalCentre { get; init; } = 0.85;

    /// <summary>How the distributional cosine enters (see <see cref="DistributionalWeight"/>): 0 relative (× s), 1 additive.</summary>
    public int DistributionalMode { get; init; }

    /// <summary>Dimensions of the random index vectors of <see cref="DistributionalSimilarity"/>.</summary>
    public int DistributionalDimensions { get; init; } = 256;

    /// <summary>Non-zero (±1) entries of each feature's random index vector.</summary>
    public int DistributionalNonZero { get; init; } = 4;

    /// <summary>Texts of more analysed words than this get no distributional vector (their pairs are left as they are); 0: every text.</summary>
    public int DistributionalMaxWords { get; init; } = 90;

    /// <summary>Feature namespaces that take part in the distributional vectors, a bit mask (1 words, 2 bigrams, 4 entities, 8 numbers, 16 quotes, 32 actions); 0: all. 1 (words) since session 11.</summary>
    public int DistributionalNamespaces { get; init; } = 1;

    /// <summary>Context vectors sum the sketches of the texts a feature occurs in weighted by its weight there (else unweighted).</summary>
    public bool DistributionalContextWeighted { get; init; }

    /// <summary>The set's mean distributional vector is subtracted from each before the cosine.</summary>
    public bool DistributionalCentreVectors { get; init; }

    /// <summary>Distributional vectors are built only when at least this share of the set's texts are short (see <see cref="DistributionalMaxWords"/>).</summary>
    public double DistributionalMinShortShare { get; init; } = 0.5;

    /// <summary>
    /// Weight of the word view of two short texts (<see cref="Stories.WordView"/>: the cosine of their
    /// <see cref="WordViewNamespaces"/> features, word pairs at <see cref="WordViewBigramFactor"/>): a graph pair of two
    /// texts of at most <see cref="DistributionalMaxWords"/> words gets <c>s · (cos_w / cos)^weight</c>
    /// (<see cref="WordViewMode"/> 1) or <c>s · (1 + weight · (cos_w − <see cref="WordViewCentre"/>))</c> (mode 0), only
    /// when at least <see cref="DistributionalMinShortShare"/> of the set is short. 0 disables. Since session 12 (clusterer
    /// version 15): weight 1, mode 1, every namespace but word pairs at full weight, word pairs at 0.7 — the cosine of
    /// two short leads with their word pairs weighing 0.7: NeuS train whole 0.8274 → 0.8325, NeuS train test-sized sets
    /// 0.9334 → 0.9360, ecbplus-dev unchanged (docs/stories.md, "Session 12").
    /// </summary>
    public double WordViewWeight { get; init; } = 1;

    /// <summary>Offset the word-view cosine is centred on (see <see cref="WordViewWeight"/>).</summary>
    public double WordViewCentre { get; init; } = 0.3;

    /// <summary>Feature namespaces of the word view at full weight, a bit mask as <see cref="DistributionalNamespaces"/>; 0: words only. 61 (all but word pairs) since session 12.</summary>
    public int WordViewNamespaces { get; init; } = 61;

    /// <summary>Factor on the weight of word pairs (bigrams) in the word view when they are not in <see cref="WordViewNamespaces"/>; 0: left out.</summary>
    public double WordViewBigramFactor { get; init; } = 0.7;

    /// <summary>How the word view enters (see <see cref="WordViewWeight"/>): 0 relative to the centre, 1 <c>s · (cos_w / cos)^weight</c> (the view's cosine in place of the full one).</summary>
    public int WordViewMode { get; init; } = 1;

    /// <summary>
    /// A story of exactly two short texts (at most <see cref="ShortCohesionMaxWords"/> analysed words each) stays together
    /// after average link only when each is among this many strongest graph edges of the other; otherwise both become
    /// stories of their own (<see cref="Stories.MutualPairSplit"/>). 0 disables. 1 (mutually nearest) since session 13
    /// (clusterer version 16; docs/stories.md, "Session 13").
    /// </summary>
    public int PairNeighbourRank { get; init; } = 1;
}
