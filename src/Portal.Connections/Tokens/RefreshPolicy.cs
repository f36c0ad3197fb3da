using Portal.Connections.Catalog;
using Portal.Connections.Data;

namespace Portal.Connections.Tokens;

/// <summary>When a token is due (SEC-14), when an authorization is idle, and how long to back off after a failure (SEC-16). No I/O.</summary>
internal sealed class RefreshPolicy(ConnectionsOptions options)
{
    /// <summary>Less than the margin (the service's own, or <see cref="ConnectionsOptions.RefreshMargin"/>) is left, or there is no token.</summary>
    public bool IsDue(ConnectionAuthorizationEntity row, ServiceRuntime service, DateTimeOffset now) =>
        row.AccessTokenCiphertext is null || (row.ExpiresAt is { } exp && exp - now <= Margin(service));

    /// <summary>Neither used nor refreshed for <see cref="ConnectionsOptions.IdleRefreshAfter"/>: refresh so the refresh token does not lapse.</summary>
    public bool IsIdle(ConnectionAuthorizationEntity row, DateTimeOffset now) =>
        (row.LastUsedAt ?? row.AuthorizedAt ?? DateTimeOffset.MinValue) <= now - options.IdleRefreshAfter &&
        (row.LastRefreshedAt ?? row.AuthorizedAt ?? DateTimeOffset.MinValue) <= now - options.IdleRefreshAfter;

    /// <summary>Whether a refresh for <paramref name="reason"/> is still needed when the single flight reads the row (SEC-15).</summary>
    public bool StillNeeded(ConnectionAuthorizationEntity row, ServiceRuntime service, RefreshReason reason, Func<string?> currentToken, string? rejected, DateTimeOffset now) =>
        reason switch
        {
            // Someone else may have replaced the rejected token already.
            RefreshReason.Rejected => currentToken() is not { } token || token == rejected,
            RefreshReason.Idle => IsIdle(row, now),
            _ => IsDue(row, service, now),
        };

    /// <summary>Exponential backoff with jitter, never shorter than the provider's Retry-After (SEC-16).</summary>
    public TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var baseSeconds = Math.Min(options.MaxRefreshBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures - 1, 16)));
        var jittered = TimeSpan.FromSeconds(baseSeconds * (0.5 + (Random.Shared.NextDouble() / 2)));
        return retryAfter is { } ra && ra > jittered ? ra : jittered;
    }

    public TimeSpan Margin(ServiceRuntime service) =>
        service.Descriptor.RefreshMarginSeconds is { } s ? TimeSpan.FromSeconds(s) : options.RefreshMargin;

    public TimeSpan MaxBackoff => options.MaxRefreshBackoff;

    public TimeSpan LeaseDuration => options.RefreshLeaseDuration;
}
