namespace Portal.Connections.OAuth;

/// <summary>A validated token-endpoint answer (SEC-6). <see cref="Problem"/> never contains token values.</summary>
internal sealed record TokenOutcome(
    TokenOutcomeKind Kind,
    string? AccessToken = null,
    string? RefreshToken = null,
    DateTimeOffset? ExpiresAt = null,
    IReadOnlyList<string>? GrantedScopes = null,
    string? ProviderAccount = null,
    string? Problem = null,
    TimeSpan? RetryAfter = null,
    string? ApiDomain = null)
{
    public bool IsSuccess => Kind == TokenOutcomeKind.Success;
}
