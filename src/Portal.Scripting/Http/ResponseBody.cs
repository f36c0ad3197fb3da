using System.Net.Http.Headers;
using System.Text;

namespace Portal.Scripting.Http;

/// <summary>
/// Whether an answer is a file (as Zoho returns a FILE): a non-text content type (application/octet-stream, image/*,
/// application/pdf…) or <c>Content-Disposition: attachment</c>. Text and JSON answers stay text; no content type is text.
/// </summary>
public static class ResponseBody
{
    public static bool IsFile(string? contentType, string? contentDisposition)
    {
        if (contentDisposition is not null && contentDisposition.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return !(type.StartsWith("text/", StringComparison.Ordinal)
            || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal)
            || type is "application/xml" or "application/javascript" or "application/ecmascript" or "application/x-www-form-urlencoded" or "application/graphql");
    }

    public static bool IsFile(IReadOnlyDictionary<string, string> headers) =>
        IsFile(Header(headers, "Content-Type"), Header(headers, "Content-Disposition"));

    /// <summary>A header's value whatever the case of its name.</summary>
    public static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The file name from Content-Disposition (filename* first), else the URL's last path segment, else "download".</summary>
    public static string FileName(string? contentDisposition, string url)
    {
        if (contentDisposition is not null && ContentDispositionHeaderValue.TryParse(contentDisposition, out var disposition))
        {
            var name = disposition.FileNameStar ?? disposition.FileName?.Trim('"');
            if (!string.IsNullOrWhiteSpace(name))
            {
                return Path.GetFileName(name.Replace('\\', '/'));
            }
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var last = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
            if (last.Length > 0)
            {
                return last;
            }
        }

        return "download";
    }

    /// <summary>What traces show instead of a file's bytes.</summary>
    public static string Preview(string? contentType, long length) =>
        $"(file: {length:N0} bytes of {(string.IsNullOrWhiteSpace(contentType) ? "unknown type" : contentType)}; bytes not shown)";

    /// <summary>Reads the answer under the size cap: the bytes for a file, else UTF-8 text; null when it is larger than the cap.</summary>
    public static async Task<(string Text, byte[]? Bytes)?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await CappedResponseReader.ReadBytesAsync(content, maxBytes, cancellationToken).ConfigureAwait(false) is not { } bytes)
        {
            return null;
        }

        var disposition = content.Headers.ContentDisposition?.ToString();
        return IsFile(content.Headers.ContentType?.ToString(), disposition) ? (string.Empty, bytes) : (Encoding.UTF8.GetString(bytes), null);
    }
}
