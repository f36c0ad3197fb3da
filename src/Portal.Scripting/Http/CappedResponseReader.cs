using System.Text;

namespace Portal.Scripting.Http;

/// <summary>Reads a response body and stops as soon as it passes the size cap (SEC-24), whatever Content-Length claims.</summary>
public static class CappedResponseReader
{
    public static async Task<string> ReadAsync(HttpContent content, long maxBytes, Func<HttpInvocationException> tooLarge, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await ReadBytesAsync(content, maxBytes, tooLarge, cancellationToken).ConfigureAwait(false));

    public static async Task<byte[]> ReadBytesAsync(HttpContent content, long maxBytes, Func<HttpInvocationException> tooLarge, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw tooLarge();
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
                throw tooLarge();
            }
        }

        return buffer.ToArray();
    }
}
