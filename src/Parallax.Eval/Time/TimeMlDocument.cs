using System.Collections.Immutable;
using System.Xml;
using Parallax.Core;

namespace Parallax.Eval.Time;

/// <summary>A gold TIMEX3 of a TimeML document; offsets are UTF-16 indices into <see cref="TimeMlDocument.Text"/>, end exclusive.</summary>
public sealed record GoldTimex(int Start, int End, string Type, string Value);

/// <summary>
/// One TimeML (.tml) document as ../shared/data/time/*/FORMAT.md defines it: the plain text of <c>&lt;TEXT&gt;</c>
/// (all character data, tags removed, entities decoded, no whitespace normalisation), its TIMEX3s, and the document
/// creation time (DCT) used as the anchor.
/// </summary>
/// <param name="Name">File name, the document's identity (e.g. <c>wsj_0006.tml</c>).</param>
/// <param name="Dct">Date part of the DCT TIMEX3 value; null when absent or unparsable.</param>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? Dct, ImmutableArray<GoldTimex> Timexes)
{
    /// <summary>Reads a .tml file. Bad data is a <see cref="Diagnostic"/> (PX0551) rather than an exception.</summary>
    public static (TimeMlDocument? Document, Diagnostic? Problem) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(path, settings);
            var text = new System.Text.StringBuilder();
            var timexes = ImmutableArray.CreateBuilder<GoldTimex>();
            DateOnly? dct = null;
            var inText = false;
            var inDct = false;
            var sawText = false;
            var open = new Stack<(int Start, string Type, string Value)>();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.Name == "TEXT" && !inText)
                        {
                            inText = true;
                            sawText = true;
                            if (reader.IsEmptyElement)
                            {
                                inText = false;
                            }
                        }
                        else if (reader.Name == "DCT")
                        {
                            inDct = !reader.IsEmptyElement;
                        }
                        else if (reader.Name == "TIMEX3")
                        {
                            var value = reader.GetAttribute("value") ?? string.Empty;
                            if ((inDct || reader.GetAttribute("functionInDocument") == "CREATION_TIME") && !inText && dct is null && value.Length >= 10
                                && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", out var d))
                            {
                                dct = d;
                            }

                            if (inText)
                            {
                                var entry = (text.Length, reader.GetAttribute("type") ?? string.Empty, value);
                                if (reader.IsEmptyElement)
                                {
                                    timexes.Add(new GoldTimex(entry.Length, entry.Length, entry.Item2, entry.value));
                                }
                                else
                                {
                                    open.Push(entry);
                                }
                            }
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (reader.Name == "TEXT")
                        {
                            inText = false;
                        }
                        else if (reader.Name == "DCT")
                        {
                            inDct = false;
                        }
                        else if (reader.Name == "TIMEX3" && inText && open.Count > 0)
                        {
                            var (start, type, value) = open.Pop();
                            timexes.Add(new GoldTimex(start, text.Length, type, value));
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.CDATA:
                        if (inText)
                        {
                            text.Append(reader.Value);
                        }

                        break;
                }
            }

            if (!sawText)
            {
                return (null, Diagnostic.Error("PX0551", $"TimeML document has no <TEXT> element", path));
            }

            var sorted = timexes.OrderBy(t => t.Start).ThenBy(t => t.End).ToImmutableArray();
            return (new TimeMlDocument(Path.GetFileName(path), text.ToString(), dct, sorted), null);
        }
        catch (XmlException ex)
        {
            return (null, Diagnostic.Error("PX0551", $"TimeML document is not well-formed XML: {ex.Message}", path));
        }
    }

    /// <summary>Every *.tml under <paramref name="directory"/> (recursively), ordered by file name (ordinal).</summary>
    public static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.tml", SearchOption.AllDirectories).OrderBy(Path.GetFileName, StringComparer.Ordinal);
}
