namespace Portal.Connections.Catalog;

/// <summary>A service definition: default catalogue entry, contributed default, or custom service. Never holds secrets.</summary>
public sealed record ServiceDescriptor
{
    /// <summary>Link name of the service, <c>^[a-z][a-z0-9_]{0,49}$</c>.</summary>
    public string Id { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>A site-relative path (e.g. <c>/connections/logos/github.svg</c>) or a <c>data:image/svg+xml</c> URI.</summary>
    public string? Logo { get; init; }

    public string Category { get; init; } = "Other";

    public ServiceAuthType AuthType { get; init; }

    public string? AuthorizeUrl { get; init; }

    public string? TokenUrl { get; init; }

    /// <summary>Defaults to <see cref="TokenUrl"/> when absent.</summary>
    public string? RefreshUrl { get; init; }

    /// <summary>RFC 7009 revocation endpoint.</summary>
    public string? RevokeUrl { get; init; }

    /// <summary>Expected <c>iss</c> (RFC 9207); defaults to the authorize URL's origin.</summary>
    public string? Issuer { get; init; }

    public IReadOnlyList<ScopeDefinition> Scopes { get; init; } = [];

    public IReadOnlyList<string> DefaultScopes { get; init; } = [];

    /// <summary>One of " ", ",", "+".</summary>
    public string ScopeDelimiter { get; init; } = " ";

    public IReadOnlyDictionary<string, string> ExtraAuthorizeParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Placeholders such as <c>{tenant}</c> in URLs with their default (null = an admin must set it).</summary>
    public IReadOnlyDictionary<string, string?> TemplateParameters { get; init; } = new Dictionary<string, string?>();

    public bool UsePkce { get; init; } = true;

    public ClientAuthenticationStyle ClientAuthentication { get; init; } = ClientAuthenticationStyle.PostBody;

    public TokenPlacement TokenPlacement { get; init; } = new();

    public IReadOnlyList<ApiKeyParameter> ApiKeyParameters { get; init; } = [];

    /// <summary>Credentials are only ever sent to these (SEC-12); each ends with '/'.</summary>
    public IReadOnlyList<string> AllowedApiBaseUrls { get; init; } = [];

    /// <summary>A harmless GET used for the sample invokeUrl snippet.</summary>
    public string? SampleRequestUrl { get; init; }

    /// <summary>A GET sent with a new credential on connect; a 401 or 403 answer means the provider rejected it.</summary>
    public string? TestRequestUrl { get; init; }

    public string? DocsUrl { get; init; }

    /// <summary>Per-service proactive refresh margin; defaults to the global option (5 min).</summary>
    public int? RefreshMarginSeconds { get; init; }
}
