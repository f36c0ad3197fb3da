using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Portal.Connections.OAuth;

/// <summary>
/// RFC 9207: whether an authorization server promises <c>iss</c> on its authorization responses, read from its metadata
/// (RFC 8414, then OpenID discovery) and remembered for an hour. Unreadable metadata counts as "no promise".
/// </summary>
internal sealed class IssuerMetadata(IHttpClientFactory httpClients, TimeProvider time, ILogger<IssuerMetadata> logger)
{
    private const string IssParameterSupported = "authorization_response_iss_parameter_supported";
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (bool Sends, DateTimeOffset Until)> known = new(StringComparer.Ordinal);

    public async Task<bool> PromisesIssuerAsync(string issuer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (known.TryGetValue(issuer, out var cached) && cached.Until > now)
        {
            return cached.Sends;
        }

        foreach (var url in MetadataUrls(issuer))
        {
            if (await ReadAsync(url, ct) is { } sends)
            {
                known[issuer] = (sends, now + CacheFor);
                return sends;
            }
        }

        return false;
    }

    private async Task<bool?> ReadAsync(Uri url, CancellationToken ct)
    {
        try
        {
            var client = httpClients.CreateClient(ConnectionsHttpClients.OAuth);
            using var response = await client.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(IssParameterSupported, out var value)
                && value.ValueKind == JsonValueKind.True;
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Authorization server metadata at {Url} could not be read: {Reason}", url, error.Message);
            }

            return null;
        }
    }

    private static IEnumerable<Uri> MetadataUrls(string issuer)
    {
        if (!Uri.TryCreate(issuer.TrimEnd('/'), UriKind.Absolute, out var uri))
        {
            yield break;
        }

        // RFC 8414 §3.1 inserts the well-known segment before the issuer's path; OpenID appends it.
        yield return new Uri(uri, "/.well-known/oauth-authorization-server" + uri.AbsolutePath.TrimEnd('/'));
        yield return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/.well-known/openid-configuration");
    }
}
