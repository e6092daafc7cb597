using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Parallax.Stories;

/// <summary>
/// Append-only store of texts, compact: each text as UTF-8 (UTF-16 bytes when it holds a lone surrogate, so every
/// string comes back exactly), appended to an open block that is deflated (fastest level) once it holds
/// <see cref="BlockBytes"/>; a text is never split across blocks. <see cref="Get"/> inflates the text's block (or reads
/// the open one) and decodes it: the same string, character for character. On the AllSides scale corpus (171 M
/// characters, 342 MB as strings) the blocks hold ~80 MB. A full block is deflated on the thread pool, not on the
/// adding thread (the placing thread of a <see cref="StoryClusterer"/>): <see cref="Get"/> and <see cref="StoredBytes"/>
/// wait for a block still being deflated. Single writer; <see cref="Get"/> is safe while no text is being added.
/// </summary>
internal sealed class TextStore
{
    /// <summary>Uncompressed size at which the open block is deflated.</summary>
    public const int BlockBytes = 64 * 1024;

    // Per text: block, byte offset in the (uncompressed) block, byte length, and its length in chars, negated when
    // the bytes are UTF-16 (code units as they are) rather than UTF-8.
    private readonly List<(int Block, int Offset, int Bytes, int Chars)> _entries = [];
    // Sealed blocks: the deflated bytes (a task until the thread pool has deflated them) and the uncompressed length.
    private readonly List<(Task<byte[]> Deflated, int Length)> _blocks = [];
    private byte[] _open = new byte[BlockBytes];
    private int _openUsed;

    /// <summary>Number of texts added.</summary>
    public int Count => _entries.Count;

    /// <summary>Bytes held (deflated blocks and the open block's buffer), for memory figures.</summary>
    public long StoredBytes
    {
        get
        {
            long n = _open.Length;
            foreach (var (deflated, _) in _blocks)
            {
                n += deflated.Result.Length;
            }

            return n;
        }
    }

    /// <summary>Adds <paramref name="text"/> and returns its handle (0, 1, 2 … in order of adding).</summary>
    public int Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Room for either form (UTF-8 counts a lone surrogate as the 3 bytes of U+FFFD; UTF-16 takes 2 per unit).
        var room = Math.Max(Encoding.UTF8.GetByteCount(text), text.Length * 2);
        if (_open.Length - _openUsed < room)
        {
            Array.Resize(ref _open, Math.Max(_open.Length * 2, _openUsed + room));
        }

        var target = _open.AsSpan(_openUsed);
        int bytes;
        int chars;
        if (Utf8.FromUtf16(text, target, out _, out bytes, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            chars = text.Length;
        }
        else
        {
            // A lone surrogate has no UTF-8 form: keep the code units themselves.
            var units = MemoryMarshal.AsBytes(text.AsSpan());
            units.CopyTo(target);
            bytes = units.Length;
            chars = -text.Length;
        }

        var handle = _entries.Count;
        _entries.Add((_blocks.Count, _openUsed, bytes, chars));
        _openUsed += bytes;
        if (_openUsed >= BlockBytes)
        {
            Seal();
        }

        return handle;
    }

    /// <summary>The text of <paramref name="handle"/>, equal to the string that was added.</summary>
    public string Get(int handle)
    {
        var (block, offset, bytes, chars) = _entries[handle];
        if (block == _blocks.Count)
        {
            return Decode(_open.AsSpan(offset, bytes), chars);
        }

        var (deflated, length) = _blocks[block];
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            using (var inflate = new DeflateStream(new MemoryStream(deflated.Result, writable: false), CompressionMode.Decompress))
            {
                inflate.ReadExactly(buffer, 0, length);
            }

            return Decode(buffer.AsSpan(offset, bytes), chars);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Forgets every text.</summary>
    public void Clear()
    {
        _entries.Clear();
        _blocks.Clear();
        _open = new byte[BlockBytes];
        _openUsed = 0;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, int chars)
        => chars >= 0 ? Encoding.UTF8.GetString(bytes) : new string(MemoryMarshal.Cast<byte, char>(bytes));

    /// <summary>Hands the open block to the thread pool to be deflated and starts a new one.</summary>
    private void Seal()
    {
        var block = _open;
        var length = _openUsed;
        _blocks.Add((Task.Run(() => Deflate(block, length)), length));
        _open = new byte[BlockBytes];
        _openUsed = 0;
    }

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="block"/> deflated at the fastest level (the same bytes on any thread).</summary>
    private static byte[] Deflate(byte[] block, int length)
    {
        var output = new MemoryStream(length / 2);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(block, 0, length);
        }

        return output.ToArray();
    }
}
