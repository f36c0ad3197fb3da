namespace Portal.Connections.OAuth;

/// <summary>Where to send the browser, and the raw browser-binding value to put in an HttpOnly cookie (SEC-3).</summary>
public sealed record OAuthStartResult(string AuthorizeUrl, string BrowserBinding, DateTimeOffset ExpiresAt);
