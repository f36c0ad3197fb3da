using Portal.Scripting.Http;

namespace Portal.Web.Functions.Running;

/// <summary>Replaces credential values in a trace with •••• before it is stored or shown (SEC-20).</summary>
public static class HttpTraceRedactor
{
    public const string Mask = "••••";

    private static readonly string[] SensitiveHeaderParts = ["authorization", "cookie", "token", "secret", "api-key", "apikey", "api_key", "password", "signature", "session"];

    private static readonly string[] SensitiveQueryParts = ["token", "secret", "key", "password", "signature", "sig", "auth"];

    public static bool IsSensitiveHeader(string name) =>
        SensitiveHeaderParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    public static HttpTraceEntry Redact(HttpTraceEntry entry) => entry with
    {
        Url = RedactUrl(entry.Url),
        RequestHeaders = RedactHeaders(entry.RequestHeaders),
        ResponseHeaders = RedactHeaders(entry.ResponseHeaders),
        Redacted = true,
    };

    public static string RedactUrl(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return url;
        }

        var fragmentStart = url.IndexOf('#', queryStart);
        var query = fragmentStart < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragmentStart];
        var parts = query.Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            return eq >= 0 && SensitiveQueryParts.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase)) ? name + "=" + Mask : pair;
        });
        return url[..(queryStart + 1)] + string.Join('&', parts) + (fragmentStart < 0 ? string.Empty : url[fragmentStart..]);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> RedactHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        [.. headers.Select(h => IsSensitiveHeader(h.Key) && h.Value != Mask ? new KeyValuePair<string, string>(h.Key, RedactValue(h.Value)) : h)];

    // Keep the scheme ("Bearer ••••") so the reader can still see how the call authenticated.
    private static string RedactValue(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space is > 0 and < 20 && value[..space].All(c => char.IsAsciiLetter(c) || c == '-') ? value[..space] + " " + Mask : Mask;
    }
}
