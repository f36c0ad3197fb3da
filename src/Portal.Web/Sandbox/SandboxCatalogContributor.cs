using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;
using Portal.Sandbox;

namespace Portal.Web.Sandbox;

/// <summary>Registers the Sandbox Cloud services as default services, pre-configured with the portal's client.</summary>
internal sealed class SandboxCatalogContributor(IOptions<SandboxOptions> options, SandboxPortalClient client) : ICatalogContributor
{
    public IEnumerable<ContributedService> GetServices()
    {
        var baseUrl = new Uri(options.Value.Url.TrimEnd('/') + "/");
        foreach (var service in SandboxCatalog.Services)
        {
            var isOAuth = service.AuthType == SandboxCatalog.OAuth2;
            var descriptor = new Portal.Connections.Catalog.ServiceDescriptor
            {
                Id = service.LinkName,
                DisplayName = service.DisplayName,
                Description = service.Description,
                Logo = service.LogoDataUri,
                Category = "Sandbox · " + service.Category,
                AuthType = isOAuth ? ServiceAuthType.OAuth2AuthorizationCode : ServiceAuthType.ApiKey,
                AuthorizeUrl = isOAuth ? Absolute(baseUrl, service.AuthorizePath) : null,
                TokenUrl = isOAuth ? Absolute(baseUrl, service.TokenPath) : null,
                RevokeUrl = isOAuth ? Absolute(baseUrl, service.RevokePath) : null,
                Issuer = isOAuth ? baseUrl.AbsoluteUri : null,
                Scopes = [.. Requestable(service, isOAuth).Select(s => new ScopeDefinition(s.Name, s.Description))],
                DefaultScopes = [.. Requestable(service, isOAuth).Select(s => s.Name)],
                ScopeDelimiter = service.ScopeDelimiter,
                ExtraAuthorizeParameters = new Dictionary<string, string>(),
                UsePkce = true,
                TokenPlacement = new TokenPlacement { Location = CredentialLocation.Header, HeaderName = "Authorization", Format = service.TokenHeaderFormat },
                ApiKeyParameters = service.ApiKeyParameterName is null
                    ? []
                    : [new ApiKeyParameter { Name = service.ApiKeyParameterName, Location = Location(service.ApiKeyPlacement), Label = "API key" }],
                AllowedApiBaseUrls = [.. service.ApiBasePaths.Select(path => Absolute(baseUrl, path)!)],
                SampleRequestUrl = Absolute(baseUrl, service.SamplePath),
                TestRequestUrl = Absolute(baseUrl, service.SamplePath),
                DocsUrl = baseUrl.AbsoluteUri,
            };
            yield return isOAuth
                ? new ContributedService(descriptor, SandboxPortalClient.ClientId, client.ClientSecret)
                : new ContributedService(descriptor);
        }
    }

    // Sandbox Cloud always asks for offline_access on its consent page, so the portal requests and lists it too.
    private static IEnumerable<SandboxScopeDescriptor> Requestable(SandboxServiceDescriptor service, bool isOAuth) =>
        isOAuth && !service.Scopes.Contains(SandboxCatalog.OfflineAccess) ? [.. service.Scopes, SandboxCatalog.OfflineAccess] : service.Scopes;

    private static string? Absolute(Uri baseUrl, string? path) =>
        path is null ? null : new Uri(baseUrl, path.TrimStart('/')).AbsoluteUri;

    private static CredentialLocation Location(string? placement) => placement switch
    {
        "query" => CredentialLocation.Query,
        "form" => CredentialLocation.Form,
        _ => CredentialLocation.Header,
    };
}
