using System.Net.Http.Headers;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>
/// Remembers every Set-Cookie by name, Secure or not, and sends them all back: what a browser does behind a TLS proxy,
/// where the portal sees http but the browser sees https. The raw Set-Cookie headers stay readable on each response.
/// </summary>
internal sealed class HeaderCookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = setCookie.Split(';', 2)[0];
            var name = pair.Split('=', 2)[0];
            var value = pair.Length > name.Length ? pair[(name.Length + 1)..] : "";
            if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = value;
            }
        }

        return response;
    }
}
