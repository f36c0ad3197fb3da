namespace Portal.Connections.OAuth;

/// <summary>Query parameters of <c>/connections/oauth/callback</c>.</summary>
public sealed record OAuthCallback(string? State, string? Code, string? Issuer, string? Error, string? ErrorDescription);
