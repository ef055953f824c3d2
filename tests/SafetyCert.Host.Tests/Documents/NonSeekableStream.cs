namespace SafetyCert.Host.Tests.Documents;

/// <summary>A request body as a network delivers it: read once, front to back, and possibly cut off after some bytes.</summary>
public sealed class NonSeekableStream(byte[] bytes, int? failAfter = null) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (failAfter is { } limit && position >= limit)
        {
            throw new IOException("The connection was reset.");
        }

        var end = Math.Min(bytes.Length, failAfter ?? int.MaxValue);
        var read = Math.Min(Math.Min(count, 1000), end - position);
        bytes.AsSpan(position, read).CopyTo(buffer.AsSpan(offset));
        position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
