using Portal.Connections.Catalog;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.ConnectionsUi;

/// <summary>The custom service form (Setup › Developer Space › Services › New service) as editable text, converted to and from <see cref="ServiceDescriptor"/>.</summary>
public sealed class CustomServiceModel
{
    private bool idEdited;

    public sealed class ScopeRow
    {
        public string Name { get; set; } = "";

        public string Description { get; set; } = "";

        public bool IsDefault { get; set; } = true;
    }

    public sealed class KeyRow
    {
        public string Name { get; set; } = "";

        public string Label { get; set; } = "";

        public CredentialLocation Location { get; set; } = CredentialLocation.Header;

        public string Format { get; set; } = "{value}";
    }

    public string DisplayName { get; private set; } = "";

    public string Id { get; private set; } = "";

    public string? Description { get; set; }

    public string Category { get; set; } = "Custom";

    public ServiceAuthType AuthType { get; set; } = ServiceAuthType.OAuth2AuthorizationCode;

    public string? ClientId { get; set; }

    /// <summary>Write-only: empty keeps the stored secret when editing.</summary>
    public string? ClientSecret { get; set; }

    public string? AuthorizeUrl { get; set; }

    public string? TokenUrl { get; set; }

    public string? RefreshUrl { get; set; }

    public string? RevokeUrl { get; set; }

    public List<ScopeRow> Scopes { get; } = [];

    public string ScopeDelimiter { get; set; } = " ";

    /// <summary>One <c>name=value</c> per line.</summary>
    public string ExtraAuthorizeParameters { get; set; } = "";

    public bool UsePkce { get; set; } = true;

    public ClientAuthenticationStyle ClientAuthentication { get; set; } = ClientAuthenticationStyle.PostBody;

    public CredentialLocation TokenLocation { get; set; } = CredentialLocation.Header;

    public string TokenHeaderName { get; set; } = "Authorization";

    public string TokenFormat { get; set; } = "Bearer {token}";

    public string? TokenQueryParameter { get; set; }

    public List<KeyRow> ApiKeys { get; } = [];

    /// <summary>One URL per line; credentials are only ever sent below these.</summary>
    public string AllowedApiBaseUrls { get; set; } = "";

    public string? SampleRequestUrl { get; set; }

    /// <summary>A GET sent with each new credential; 401/403 means the provider refused it.</summary>
    public string? TestRequestUrl { get; set; }

    public string? DocsUrl { get; set; }

    public bool IsOAuth => AuthType is ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials;

    public void SetDisplayName(string? name)
    {
        DisplayName = name ?? "";
        if (!idEdited)
        {
            Id = LinkNameRules.Derive(DisplayName);
        }
    }

    public void SetId(string? id)
    {
        Id = (id ?? "").Trim();
        idEdited = Id.Length > 0;
        if (!idEdited)
        {
            Id = LinkNameRules.Derive(DisplayName);
        }
    }

    /// <summary>Lines of <see cref="ExtraAuthorizeParameters"/> that are not <c>name=value</c>; reported before the engine sees them.</summary>
    public string? ExtraParametersError => AuthType != ServiceAuthType.OAuth2AuthorizationCode ? null : ExtraAuthorizeParameters.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .FirstOrDefault(l => l.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad ? $"“{bad}” is not name=value. Write one parameter per line, like access_type=offline." : null;

    public ServiceDescriptor ToDescriptor() => new()
    {
        Id = Id,
        DisplayName = DisplayName.Trim(),
        Description = Blank(Description),
        Category = string.IsNullOrWhiteSpace(Category) ? "Custom" : Category.Trim(),
        AuthType = AuthType,
        AuthorizeUrl = AuthType == ServiceAuthType.OAuth2AuthorizationCode ? Blank(AuthorizeUrl) : null,
        TokenUrl = IsOAuth ? Blank(TokenUrl) : null,
        RefreshUrl = AuthType == ServiceAuthType.OAuth2AuthorizationCode ? Blank(RefreshUrl) : null,
        RevokeUrl = IsOAuth ? Blank(RevokeUrl) : null,
        Scopes = IsOAuth ? [.. Scopes.Where(s => !string.IsNullOrWhiteSpace(s.Name) || !string.IsNullOrWhiteSpace(s.Description)).Select(s => new ScopeDefinition(s.Name.Trim(), s.Description.Trim()))] : [],
        DefaultScopes = IsOAuth ? [.. Scopes.Where(s => s.IsDefault && !string.IsNullOrWhiteSpace(s.Name)).Select(s => s.Name.Trim())] : [],
        ScopeDelimiter = ScopeDelimiter,
        // Client credentials has no browser sign-in, so authorize-only settings are not kept for it.
        ExtraAuthorizeParameters = AuthType == ServiceAuthType.OAuth2AuthorizationCode ? ParseParameters(ExtraAuthorizeParameters) : new Dictionary<string, string>(),
        UsePkce = AuthType == ServiceAuthType.OAuth2AuthorizationCode && UsePkce,
        ClientAuthentication = ClientAuthentication,
        TokenPlacement = new TokenPlacement
        {
            Location = TokenLocation, HeaderName = TokenHeaderName.Trim(), Format = TokenFormat.Trim(),
            QueryParameter = TokenLocation == CredentialLocation.Query ? Blank(TokenQueryParameter) : null,
        },
        ApiKeyParameters = AuthType == ServiceAuthType.ApiKey
            ? [.. ApiKeys.Select(k => new ApiKeyParameter { Name = k.Name.Trim(), Label = Blank(k.Label), Location = k.Location, Format = string.IsNullOrWhiteSpace(k.Format) ? "{value}" : k.Format.Trim() })]
            : [],
        AllowedApiBaseUrls = [.. AllowedApiBaseUrls.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        SampleRequestUrl = Blank(SampleRequestUrl),
        TestRequestUrl = Blank(TestRequestUrl),
        DocsUrl = Blank(DocsUrl),
        Logo = "/connections/logos/custom-service.svg",
    };

    public static CustomServiceModel From(CatalogService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var d = service.Descriptor;
        var m = new CustomServiceModel
        {
            Description = d.Description, Category = d.Category, AuthType = d.AuthType, ClientId = service.ClientId, AuthorizeUrl = d.AuthorizeUrl,
            TokenUrl = d.TokenUrl, RefreshUrl = d.RefreshUrl, RevokeUrl = d.RevokeUrl, ScopeDelimiter = d.ScopeDelimiter, UsePkce = d.UsePkce,
            ClientAuthentication = d.ClientAuthentication, TokenLocation = d.TokenPlacement.Location, TokenHeaderName = d.TokenPlacement.HeaderName,
            TokenFormat = d.TokenPlacement.Format, TokenQueryParameter = d.TokenPlacement.QueryParameter,
            ExtraAuthorizeParameters = string.Join('\n', d.ExtraAuthorizeParameters.Select(kv => $"{kv.Key}={kv.Value}")),
            AllowedApiBaseUrls = string.Join('\n', d.AllowedApiBaseUrls), SampleRequestUrl = d.SampleRequestUrl, TestRequestUrl = d.TestRequestUrl, DocsUrl = d.DocsUrl,
        };
        m.DisplayName = d.DisplayName;
        m.Id = d.Id;
        m.idEdited = true;
        m.Scopes.AddRange(d.Scopes.Select(s => new ScopeRow { Name = s.Name, Description = s.Description, IsDefault = d.DefaultScopes.Contains(s.Name) }));
        m.ApiKeys.AddRange(d.ApiKeyParameters.Select(k => new KeyRow { Name = k.Name, Label = k.Label ?? "", Location = k.Location, Format = k.Format }));
        return m;
    }

    private static Dictionary<string, string> ParseParameters(string text) => text
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split('=', 2))
        .Where(p => p.Length == 2 && p[0].Trim().Length > 0)
        .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.Ordinal);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
