using System.Globalization;
using System.Text;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>
/// WARC 1.0/1.1 (plain, or gzip with one member per record or one for the whole file — the caller passes the
/// decompressed stream). Streams record by record, holding one record at a time. Every <c>response</c> record whose
/// HTTP payload is HTML and whose status is 2xx becomes a source: origin <c>file.warc.gz#record&lt;n&gt;</c> (n counts
/// every record from 1), URL from <c>WARC-Target-URI</c>, fetch time from <c>WARC-Date</c>. A malformed record gives
/// PX0140 and the reader skips to the next line starting with <c>WARC/</c>; a truncated file gives PX0141 and keeps
/// what came before; other records are counted in one PX0144 summary.
/// </summary>
internal static class WarcReader
{
    private const int MaxLine = 64 * 1024;
    private const int MaxHeaderLines = 512;

    public static ReadResult Read(Stream stream, string origin, ReadContext context)
    {
        var result = new ResultBuilder();
        var input = new LineStream(stream);
        var options = context.Options;
        int record = 0, nonResponse = 0, nonHtml = 0, nonOk = 0, empty = 0;
        string? pendingVersionLine = null;
        try
        {
            while (true)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var versionLine = pendingVersionLine ?? NextNonEmptyLine(input);
                pendingVersionLine = null;
                if (versionLine is null)
                {
                    break;
                }

                record++;
                var subject = $"{origin}#record{record}";
                if (!versionLine.StartsWith("WARC/", StringComparison.Ordinal))
                {
                    if (record == 1)
                    {
                        result.Add(Diagnostic.Error(ReaderCodes.NotWarc, $"not a WARC file: it starts with '{TextDecoder.Clip(versionLine)}' instead of 'WARC/'", origin));
                        return result.Build();
                    }

                    result.Add(Diagnostic.Warning(ReaderCodes.WarcMalformedHeader, $"record {record} does not start with a 'WARC/' version line; skipped to the next record", subject));
                    pendingVersionLine = Resync(input);
                    continue;
                }

                var headers = ReadHeaders(input, out var headerProblem);
                if (headers is null)
                {
                    if (headerProblem == "eof")
                    {
                        result.Add(Diagnostic.Warning(ReaderCodes.WarcTruncated, $"file ends inside the headers of record {record}", subject));
                        break;
                    }

                    result.Add(Diagnostic.Warning(ReaderCodes.WarcMalformedHeader, $"record {record}: {headerProblem}; skipped to the next record", subject));
                    pendingVersionLine = Resync(input);
                    continue;
                }

                if (!headers.TryGetValue("Content-Length", out var lengthText)
                    || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    result.Add(Diagnostic.Warning(ReaderCodes.WarcMalformedHeader, $"record {record} has no valid Content-Length; skipped to the next record", subject));
                    pendingVersionLine = Resync(input);
                    continue;
                }

                if (length > options.MaxRecordBytes)
                {
                    var skipped = input.Skip(length);
                    result.Add(Diagnostic.Warning(ReaderCodes.WarcRecordTooLarge, $"record {record} is {length} bytes, over the cap of {options.MaxRecordBytes}; skipped", subject));
                    if (skipped < length)
                    {
                        result.Add(Diagnostic.Warning(ReaderCodes.WarcTruncated, $"file ends inside record {record}", subject));
                        break;
                    }

                    continue;
                }

                var block = input.ReadExactly((int)length);
                if (block.Length < length)
                {
                    result.Add(Diagnostic.Warning(ReaderCodes.WarcTruncated, $"file ends inside record {record} ({block.Length} of {length} bytes)", subject));
                    break;
                }

                var type = headers.GetValueOrDefault("WARC-Type", "");
                if (!type.Equals("response", StringComparison.OrdinalIgnoreCase))
                {
                    nonResponse++;
                    continue;
                }

                var (message, problem) = HttpMessageParser.Parse(block, options.MaxRecordBytes);
                if (message is null)
                {
                    result.Add(Diagnostic.Warning(ReaderCodes.WarcBadHttp, $"record {record}: {problem}", subject));
                    continue;
                }

                if (message.Status is < 200 or > 299)
                {
                    nonOk++;
                    continue;
                }

                if (message.Body.Length == 0)
                {
                    empty++;
                    continue;
                }

                var media = message.MediaType;
                var isHtml = media is null ? ContentSniffer.LooksLikeHtml(message.Body) : media.Contains("html", StringComparison.Ordinal);
                if (!isHtml)
                {
                    nonHtml++;
                    continue;
                }

                result.Add(MakeSource(subject, headers, message, result));
            }
        }
        catch (InvalidDataException e)
        {
            result.Add(Diagnostic.Error(ReaderCodes.GzipCorrupt, $"corrupt gzip data after record {record}: {e.Message}", origin));
        }

        if (record == 0)
        {
            result.Add(Diagnostic.Error(ReaderCodes.WarcNoRecords, "WARC file has no records", origin));
        }

        if (nonResponse + nonHtml + nonOk + empty > 0)
        {
            result.Add(Diagnostic.Info(ReaderCodes.WarcSkipped, $"skipped {nonResponse} non-response record(s), {nonOk} non-2xx response(s), {nonHtml} non-HTML response(s), {empty} empty response(s)", origin));
        }

        return result.Build();
    }

    private static SourceDocument MakeSource(string subject, Dictionary<string, string> headers, HttpMessage message, ResultBuilder result)
    {
        DateTimeOffset? fetchedAt = null;
        var dateText = headers.GetValueOrDefault("WARC-Date");
        if (DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            fetchedAt = date;
        }
        else
        {
            result.Add(Diagnostic.Warning(ReaderCodes.WarcBadDate, $"missing or unparsable WARC-Date '{TextDecoder.Clip(dateText ?? "")}'", subject));
        }

        var url = headers.GetValueOrDefault("WARC-Target-URI")?.Trim().Trim('<', '>');
        var decoded = TextDecoder.DecodeHtml(message.Body, HtmlCharsetSniffer.CharsetOfContentType(message.Header("Content-Type")), subject);
        return Sources.FromBytes(subject, SourceKind.Html, message.Body, decoded, "warc", fetchedAt, new SourceHints { Url = string.IsNullOrEmpty(url) ? null : url });
    }

    private static Dictionary<string, string>? ReadHeaders(LineStream input, out string problem)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        for (var count = 0; count < MaxHeaderLines; count++)
        {
            var line = input.ReadLine(MaxLine);
            if (line is null)
            {
                problem = "eof";
                return null;
            }

            if (line.Length == 0)
            {
                problem = "";
                return headers;
            }

            if (line[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                problem = $"bad header line '{TextDecoder.Clip(line)}'";
                return null;
            }

            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }

        problem = $"more than {MaxHeaderLines} header lines";
        return null;
    }

    private static string? NextNonEmptyLine(LineStream input)
    {
        while (true)
        {
            var line = input.ReadLine(MaxLine);
            if (line is null || line.Length > 0)
            {
                return line;
            }
        }
    }

    // Skips to the next line that starts a record; null at the end of the file.
    private static string? Resync(LineStream input)
    {
        while (input.ReadLine(MaxLine) is { } line)
        {
            if (line.StartsWith("WARC/", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>A forward-only byte reader with line reading; lines longer than a limit are cut (the rest is skipped).</summary>
    private sealed class LineStream(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _pos;
        private int _end;

        private bool Fill()
        {
            if (_pos < _end)
            {
                return true;
            }

            _pos = 0;
            _end = stream.Read(_buffer, 0, _buffer.Length);
            return _end > 0;
        }

        /// <summary>The next line without its CRLF/LF, decoded as Latin-1 (headers are ASCII); null at the end.</summary>
        public string? ReadLine(int maxLength)
        {
            var line = new List<byte>();
            var any = false;
            while (Fill())
            {
                any = true;
                var span = _buffer.AsSpan(_pos, _end - _pos);
                var newline = span.IndexOf((byte)'\n');
                var take = newline < 0 ? span : span[..newline];
                if (line.Count < maxLength)
                {
                    line.AddRange(take[..Math.Min(take.Length, maxLength - line.Count)]);
                }

                _pos += take.Length;
                if (newline >= 0)
                {
                    _pos++;
                    break;
                }
            }

            if (!any)
            {
                return null;
            }

            var count = line.Count > 0 && line[^1] == '\r' ? line.Count - 1 : line.Count;
            return Encoding.Latin1.GetString(line.ToArray(), 0, count);
        }

        /// <summary>Up to <paramref name="count"/> bytes; fewer only at the end of the stream.</summary>
        public byte[] ReadExactly(int count)
        {
            var output = new byte[count];
            var filled = 0;
            while (filled < count && Fill())
            {
                var n = Math.Min(count - filled, _end - _pos);
                Array.Copy(_buffer, _pos, output, filled, n);
                _pos += n;
                filled += n;
            }

            return filled == count ? output : output[..filled];
        }

        /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were skipped.</summary>
        public long Skip(long count)
        {
            long skipped = 0;
            while (skipped < count && Fill())
            {
                var n = (int)Math.Min(count - skipped, _end - _pos);
                _pos += n;
                skipped += n;
            }

            return skipped;
        }
    }
}
