namespace Portal.Connections.Data;

/// <summary>Server-side half of an authorization-code flow (SEC-2); deleted on first use.</summary>
public sealed class OAuthFlowStateEntity
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the <c>state</c> value; the raw value only ever lives in the browser.</summary>
    public string StateHash { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the HttpOnly browser-binding cookie (SEC-3).</summary>
    public string BrowserBindingHash { get; set; } = "";

    public Guid ConnectionId { get; set; }

    public string CodeVerifierCiphertext { get; set; } = "";

    public string RedirectUri { get; set; } = "";

    public string? ExpectedIssuer { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
