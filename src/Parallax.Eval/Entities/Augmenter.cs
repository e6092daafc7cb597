using Parallax.Language.Entities;
using Parallax.Language.Text;

namespace Parallax.Eval.Entities;

/// <summary>
/// Entity-replacement augmentation: copies of the training documents in which every name is replaced by another name of
/// the same type — places from the hand-written country/place lists, organisations from the organisation list and
/// from training names, persons as a given name from the list plus a surname seen in training — consistently within a
/// copy (the same name gets the same replacement). Teaches the tagger context and the gazetteer names. Deterministic.
/// </summary>
public static class Augmenter
{
    /// <param name="lowerCaseCopies">How many of the copies (the last ones) are written all in lower case, as some web text is
    /// (the names keep their tags): teaches the tagger names in all-lower-case sentences.</param>
    public static IEnumerable<NerTrainingDoc> Copies(IReadOnlyList<NerTrainingDoc> docs, int copies, ulong seed, int lowerCaseCopies = 0)
    {
        ArgumentNullException.ThrowIfNull(docs);
        string[] Lines(string f) => [.. Gazetteer.Entries(f).Distinct(StringComparer.Ordinal)];
        var places = Lines("countries.txt").Concat(Lines("places.txt")).Where(p => char.IsUpper(p[0])).ToArray();
        var orgs = Lines("organizations.txt").Concat(Lines("clubs.txt")).ToList();
        var given = Lines("given-names.txt");
        var surnames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            for (var s = 0; s < d.Sentences.Count; s++)
            {
                foreach (var (type, start, end) in Spans(d.Tags[s]))
                {
                    if (type == 1 && end - start >= 2 && d.Sentences[s][end - 1].Length > 1 && char.IsUpper(d.Sentences[s][end - 1][0]))
                    {
                        surnames.Add(d.Sentences[s][end - 1]);
                    }
                    else if (type == 2 && end - start <= 4)
                    {
                        orgs.Add(string.Join(' ', d.Sentences[s].Skip(start).Take(end - start)));
                    }
                }
            }
        }

        var surnameArr = surnames.ToArray();
        var orgArr = orgs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rng = seed ^ 0x9E3779B97F4A7C15UL;
        int Next(int n)
        {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            return (int)(rng % (ulong)n);
        }

        for (var c = 0; c < copies; c++)
        {
            foreach (var d in docs)
            {
                var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var sentences = new List<IReadOnlyList<string>>();
                var tags = new List<int[]>();
                var unsure = new List<bool[]>();
                for (var s = 0; s < d.Sentences.Count; s++)
                {
                    var words = d.Sentences[s];
                    var t = d.Tags[s];
                    var u = d.Unsure?[s];
                    var nw = new List<string>();
                    var nt = new List<int>();
                    var nu = new List<bool>();
                    var spans = Spans(t).ToDictionary(x => x.Start);
                    for (var i = 0; i < words.Count;)
                    {
                        if (spans.TryGetValue(i, out var span))
                        {
                            var original = string.Join(' ', words.Skip(span.Start).Take(span.End - span.Start));
                            if (!map.TryGetValue(span.Type + original, out var repl))
                            {
                                var name = span.Type switch
                                {
                                    1 => Next(3) == 0 ? surnameArr[Next(surnameArr.Length)] : given[Next(given.Length)] + " " + surnameArr[Next(surnameArr.Length)],
                                    2 => orgArr[Next(orgArr.Length)],
                                    _ => places[Next(places.Length)],
                                };
                                repl = [.. Tokenizer.Tokenize(name).Select(tok => tok.Span.Of(name))];
                                map[span.Type + original] = repl;
                            }

                            for (var k = 0; k < repl.Length; k++)
                            {
                                nw.Add(repl[k]);
                                nt.Add(k == 0 ? span.Type * 2 - 1 : span.Type * 2);
                                nu.Add(false);
                            }

                            i = span.End;
                            continue;
                        }

                        nw.Add(words[i]);
                        nt.Add(t[i]);
                        nu.Add(u is not null && u[i]);
                        i++;
                    }

                    if (c >= copies - lowerCaseCopies)
                    {
                        for (var k = 0; k < nw.Count; k++)
                        {
                            nw[k] = nw[k].ToLowerInvariant();
                        }
                    }

                    sentences.Add(nw);
                    tags.Add([.. nt]);
                    unsure.Add([.. nu]);
                }

                yield return new NerTrainingDoc(d.Id + "#aug" + c, sentences, tags, unsure);
            }
        }
    }

    private static IEnumerable<(int Type, int Start, int End)> Spans(int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == 0)
            {
                continue;
            }

            var type = NerTags.TypeOf(tags[i]);
            var end = i + 1;
            while (end < tags.Length && tags[end] == type * 2)
            {
                end++;
            }

            yield return (type, i, end);
            i = end - 1;
        }
    }
}
