using Portal.Connections.Catalog;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>Provider-style service definitions pointing at a fake provider.</summary>
internal static class TestServices
{
    public static ScopeDefinition[] Scopes(params string[] names) => [.. names.Select(n => new ScopeDefinition(n, $"Allows {n}"))];

    public static Catalog.ServiceDescriptor GoogleStyle(FakeProvider p, string id = "fake_google") => new()
    {
        Id = id, DisplayName = "Fake Google", Category = "Test", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
        AuthorizeUrl = p.AuthorizeUrl, TokenUrl = p.TokenUrl, RevokeUrl = p.RevokeUrl, Issuer = p.Url,
        Scopes = Scopes("sheets", "drive.file", "email"), DefaultScopes = ["sheets"], ScopeDelimiter = " ",
        ExtraAuthorizeParameters = new Dictionary<string, string> { ["access_type"] = "offline", ["prompt"] = "consent" },
        UsePkce = true, AllowedApiBaseUrls = [p.ApiBase],
    };

    public static Catalog.ServiceDescriptor GitHubStyle(FakeProvider p, string id = "fake_github") => new()
    {
        Id = id, DisplayName = "Fake GitHub", Category = "Test", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
        AuthorizeUrl = p.AuthorizeUrl, TokenUrl = p.TokenUrl, Scopes = Scopes("repo", "read:user"), DefaultScopes = ["repo", "read:user"],
        UsePkce = true, AllowedApiBaseUrls = [p.ApiBase],
    };

    public static Catalog.ServiceDescriptor SlackStyle(FakeProvider p, string id = "fake_slack") => new()
    {
        Id = id, DisplayName = "Fake Slack", Category = "Test", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
        AuthorizeUrl = p.AuthorizeUrl, TokenUrl = p.TokenUrl, RevokeUrl = p.RevokeUrl, Scopes = Scopes("chat:write", "channels:read"),
        DefaultScopes = ["chat:write", "channels:read"], ScopeDelimiter = ",", UsePkce = false, AllowedApiBaseUrls = [p.ApiBase],
    };

    public static Catalog.ServiceDescriptor ZohoStyle(FakeProvider p, string id = "fake_zoho") => new()
    {
        Id = id, DisplayName = "Fake Zoho", Category = "Test", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
        AuthorizeUrl = p.AuthorizeUrl, TokenUrl = p.TokenUrl, Scopes = Scopes("ZohoCRM.modules.ALL", "ZohoCRM.users.READ"),
        DefaultScopes = ["ZohoCRM.modules.ALL", "ZohoCRM.users.READ"], ScopeDelimiter = ",", UsePkce = false,
        ExtraAuthorizeParameters = new Dictionary<string, string> { ["access_type"] = "offline" },
        TokenPlacement = new TokenPlacement { HeaderName = "Authorization", Format = "Zoho-oauthtoken {token}" }, AllowedApiBaseUrls = [p.ApiBase],
    };

    public static Catalog.ServiceDescriptor ClientCredentials(FakeProvider p, string id = "fake_m2m") => new()
    {
        Id = id, DisplayName = "Fake M2M", Category = "Test", AuthType = ServiceAuthType.OAuth2ClientCredentials,
        TokenUrl = p.TokenUrl, Scopes = Scopes("read"), DefaultScopes = ["read"], AllowedApiBaseUrls = [p.ApiBase],
        ClientAuthentication = ClientAuthenticationStyle.BasicHeader,
    };

    public static Catalog.ServiceDescriptor ApiKey(string apiBase, string id = "fake_apikey") => new()
    {
        Id = id, DisplayName = "Fake API key", Category = "Test", AuthType = ServiceAuthType.ApiKey, AllowedApiBaseUrls = [apiBase],
        ApiKeyParameters =
        [
            new ApiKeyParameter { Name = "X-Api-Key", Location = CredentialLocation.Header },
            new ApiKeyParameter { Name = "api_token", Location = CredentialLocation.Query },
        ],
    };

    public static Catalog.ServiceDescriptor Basic(string apiBase, string id = "fake_basic") => new()
    {
        Id = id, DisplayName = "Fake Basic", Category = "Test", AuthType = ServiceAuthType.Basic, AllowedApiBaseUrls = [apiBase],
    };

    /// <summary>A bearer-token service whose API lives at https://api.example.com/ (scripted network).</summary>
    public static Catalog.ServiceDescriptor ExampleApi(string tokenUrl, string id = "example") => new()
    {
        Id = id, DisplayName = "Example", Category = "Test", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
        AuthorizeUrl = "https://auth.example.com/authorize", TokenUrl = tokenUrl, Scopes = Scopes("read"), DefaultScopes = ["read"],
        AllowedApiBaseUrls = ["https://api.example.com/v1/"],
    };
}
