using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Connections.Egress;

/// <summary>
/// Exact-origin exceptions to the address check (SEC-23): configured in <c>Egress:AllowedOrigins</c> or added at runtime with
/// <see cref="AddOrigin"/> (e.g. once the Sandbox knows its port). Matching is on scheme, host and port only.
/// </summary>
public sealed class EgressAllowList
{
    private readonly ConcurrentDictionary<string, byte> _origins = new(StringComparer.Ordinal);
    private readonly ILogger<EgressAllowList> _logger;

    public EgressAllowList(IOptions<EgressOptions> options, ILogger<EgressAllowList> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        foreach (var origin in options.Value.AllowedOrigins)
        {
            _origins.TryAdd(Normalize(origin, $"{EgressOptions.SectionName}:AllowedOrigins"), 0);
        }

        Configured = [.. _origins.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The origins from configuration, normalized to <c>scheme://host:port</c>.</summary>
    public IReadOnlyList<string> Configured { get; }

    /// <summary>Every current exception, normalized.</summary>
    public IReadOnlyCollection<string> Origins => [.. _origins.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds an exact origin at runtime and logs it; returns false when it was already present.</summary>
    public bool AddOrigin(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var key = Normalize(origin.OriginalString, nameof(origin));
        if (!_origins.TryAdd(key, 0))
        {
            return false;
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Egress exception added at runtime: requests to exactly {Origin} skip the SSRF address check", key);
        }

        return true;
    }

    /// <summary>True only when scheme, host and port all equal one exception.</summary>
    public bool IsAllowed(string scheme, string host, int port) =>
        !_origins.IsEmpty && _origins.ContainsKey(Key(scheme, host, port));

    internal static string Key(string scheme, string host, int port) =>
        $"{scheme.ToLowerInvariant()}://{HostText(host)}:{port}";

    internal static string HostText(string host)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return bare.ToLowerInvariant();
    }

    private static string Normalize(string origin, string source)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"'{origin}' in {source} is not an exact origin. Write it as scheme://host:port with nothing after the port, e.g. http://127.0.0.1:5100.");
        }

        return Key(uri.Scheme, uri.IdnHost, uri.Port);
    }
}
