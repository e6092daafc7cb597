using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Eval.Entities;

/// <summary>One sentence of an IOB2 file: tokens, gold tags, and the 0-based line number of each token line.</summary>
public sealed record ConllSentence(ImmutableArray<string> Tokens, ImmutableArray<string> Tags, ImmutableArray<int> Lines);

/// <summary>A document (<c># doc: id</c> marker) of an IOB2 file; sentences before any marker belong to a document with an empty id.</summary>
public sealed record ConllDocument(string Id, ImmutableArray<ConllSentence> Sentences);

/// <summary>
/// A <c>token&lt;TAB&gt;tag</c> IOB2 file as described in ../shared/data/ner/*/FORMAT.md and read exactly as
/// ../shared/tools/score/ner.py reads it: <c># doc: </c> lines without TAB are document markers, blank lines end
/// sentences, the gold tag is field 2 and (in prediction files) the prediction is the last field.
/// </summary>
public sealed record ConllFile(string Path, ImmutableArray<string> RawLines, ImmutableArray<ConllDocument> Documents, ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<ConllSentence> Sentences => Documents.SelectMany(d => d.Sentences);

    /// <summary>Reads <paramref name="path"/>; malformed lines become diagnostics (PX0510), never exceptions.</summary>
    /// <param name="lastField">Take the tag from the last TAB field (prediction files) instead of the second.</param>
    public static ConllFile Read(string path, bool lastField = false)
    {
        var lines = File.ReadAllLines(path);
        var docs = ImmutableArray.CreateBuilder<ConllDocument>();
        var diags = ImmutableArray.CreateBuilder<Diagnostic>();
        var sentences = ImmutableArray.CreateBuilder<ConllSentence>();
        var tokens = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();
        var lineNos = ImmutableArray.CreateBuilder<int>();
        string docId = "";

        void EndSentence()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new ConllSentence(tokens.ToImmutable(), tags.ToImmutable(), lineNos.ToImmutable()));
                tokens.Clear();
                tags.Clear();
                lineNos.Clear();
            }
        }

        void EndDoc()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                docs.Add(new ConllDocument(docId, sentences.ToImmutable()));
                sentences.Clear();
            }
        }

        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.StartsWith("# doc: ", StringComparison.Ordinal) && !line.Contains('\t'))
            {
                // ner.py ignores the marker itself; sentences still end only at blank lines, so a marker inside a sentence is kept inside it
                if (tokens.Count == 0)
                {
                    EndDoc();
                }

                docId = line["# doc: ".Length..];
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                diags.Add(Diagnostic.Error("PX0510", $"PX0510: line {n + 1} has no TAB-separated tag", path));
                continue;
            }

            tokens.Add(fields[0]);
            tags.Add(lastField ? fields[^1] : fields[1]);
            lineNos.Add(n);
        }

        EndDoc();
        return new ConllFile(path, [.. lines], docs.ToImmutable(), diags.ToImmutable());
    }

    /// <summary>Writes this file with <paramref name="predicted"/> (one tag per token, in file order) appended as a last TAB field.</summary>
    public void WritePredictions(string path, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        var byLine = new Dictionary<int, string>();
        var s = 0;
        foreach (var sentence in Sentences)
        {
            for (var i = 0; i < sentence.Tokens.Length; i++)
            {
                byLine[sentence.Lines[i]] = predicted[s][i];
            }

            s++;
        }

        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.NewLine = "\n";
        for (var n = 0; n < RawLines.Length; n++)
        {
            var line = RawLines[n].TrimEnd('\r');
            w.WriteLine(byLine.TryGetValue(n, out var tag) ? line + "\t" + tag : line);
        }
    }
}
