namespace Portal.Web.Integrations;

/// <summary>One pack as the Integrations page shows it.</summary>
internal sealed record IntegrationStatus(
    IntegrationPack Pack,
    IntegrationBindingState State,
    string? ConnectionName = null,
    string? ConnectionLinkName = null,
    string? AdminEmail = null,
    string? BoundByEmail = null,
    DateTimeOffset? BoundAt = null);
