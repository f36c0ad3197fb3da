namespace Portal.Scripting.Http;

/// <summary>Reads a response body and stops as soon as it passes the size cap (SEC-24), whatever Content-Length claims.</summary>
public static class CappedResponseReader
{
    /// <summary>The body's bytes, or null as soon as it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
