namespace Portal.Web.ConnectionsUi;

/// <summary>
/// SEC-34: what someone authorizing a connection is told about where their credential goes: the hosts it is sent to and,
/// for a custom service, who defined it (a custom service is anyone's to create, and its creator decides those hosts).
/// </summary>
public sealed record CredentialDestination(IReadOnlyList<string> Hosts, string? CustomServiceCreator)
{
    public static CredentialDestination From(Portal.Connections.Catalog.CatalogService service, string? creatorName)
    {
        ArgumentNullException.ThrowIfNull(service);
        var d = service.Descriptor;
        var urls = d.AllowedApiBaseUrls.Concat(d.AuthType is Portal.Connections.Catalog.ServiceAuthType.OAuth2AuthorizationCode or Portal.Connections.Catalog.ServiceAuthType.OAuth2ClientCredentials
            ? new[] { d.TokenUrl, d.RefreshUrl, d.RevokeUrl }.OfType<string>()
            : []);
        var hosts = urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Authority : null).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new CredentialDestination(hosts, service.IsCustom ? creatorName ?? "a deleted user" : null);
    }
}
