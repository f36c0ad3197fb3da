namespace Portal.Web.Functions.Keys;

/// <summary>
/// The enabled API key of a function, without the key: who enabled it (calls run as them) and when, and — when someone else
/// changed the code since (SEC-36) — since when and why it runs nothing.
/// </summary>
public sealed record FunctionApiKeyInfo(string Prefix, string EnabledByUserId, string? EnabledByEmail, DateTimeOffset CreatedAt)
{
    public DateTimeOffset? DisabledAt { get; init; }

    public string? DisabledReason { get; init; }

    public bool IsDisabled => DisabledAt is not null;
}
