using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;

namespace Portal.Web.ConnectionsUi;

/// <summary>State of the Create Connection wizard's Details step, kept out of the page so it is tested without rendering.</summary>
public sealed class CreateConnectionModel
{
    private readonly HashSet<string> scopes = new(StringComparer.Ordinal);
    private bool linkEdited;

    public CatalogService? Service { get; private set; }

    public string Name { get; private set; } = "";

    public string LinkName { get; private set; } = "";

    public bool UseLoginUserCredentials { get; set; }

    public CredentialInput Credentials { get; private set; } = new();

    /// <summary>Set by the page after the uniqueness check of the current <see cref="LinkName"/>.</summary>
    public bool LinkNameTaken { get; set; }

    public IReadOnlyCollection<string> SelectedScopes => scopes;

    public IReadOnlyList<ScopeDefinition> AvailableScopes => Service?.Descriptor.Scopes ?? [];

    public bool AllScopesSelected => AvailableScopes.Count > 0 && AvailableScopes.All(s => scopes.Contains(s.Name));

    public bool UsesBrowserSignIn => Service?.Descriptor.AuthType == ServiceAuthType.OAuth2AuthorizationCode;

    public bool NeedsCredentials => Service?.Descriptor.AuthType is ServiceAuthType.ApiKey or ServiceAuthType.Basic;

    public string? NameError => Name.Trim().Length is 0 ? "Enter a connection name, for example Team Sheets." : Name.Trim().Length > 100 ? "Use at most 100 characters." : null;

    public string? LinkNameError => LinkNameRules.FormatError(LinkName)
        ?? (LinkNameTaken ? Portal.Connections.Management.LinkNames.NotAvailable(LinkName) : null);

    public string? ScopesError => AvailableScopes.Count > 0 && scopes.Count == 0 ? "Choose at least one scope; functions can only do what the scopes allow." : null;

    public string? CredentialsError => Service?.Descriptor.AuthType switch
    {
        ServiceAuthType.ApiKey when Service.Descriptor.ApiKeyParameters.Any(p => string.IsNullOrWhiteSpace(Credentials.ApiKeys.GetValueOrDefault(p.Name))) =>
            "Enter every key field; the service rejects calls without them.",
        ServiceAuthType.Basic when string.IsNullOrWhiteSpace(Credentials.UserName) || string.IsNullOrEmpty(Credentials.Password) => "Enter the user name and password.",
        ServiceAuthType.Basic when Credentials.UserName.Contains(':', StringComparison.Ordinal) => "The user name cannot contain ':'.",
        _ => null,
    };

    public bool IsValid => Service is not null && NameError is null && LinkNameError is null && ScopesError is null && CredentialsError is null;

    /// <summary>Shown in the empty name field; never prefilled, so typing cannot append to a service name (issue 16).</summary>
    public string NamePlaceholder => Service is null ? "Team Sheets" : $"Team {Service.Descriptor.DisplayName}";

    /// <summary>Whether the link name was typed by the user rather than derived from the name.</summary>
    public bool LinkNameEdited => linkEdited;

    /// <summary>Picks the service and preselects its default scopes (all scopes when it declares no defaults).</summary>
    public void SelectService(CatalogService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
        scopes.Clear();
        var defaults = service.Descriptor.DefaultScopes.Count > 0 ? service.Descriptor.DefaultScopes : service.Descriptor.Scopes.Select(s => s.Name);
        scopes.UnionWith(defaults);
        Credentials = new CredentialInput();
    }

    /// <summary>Changes the connection name; the link name follows it until the user edits the link name.</summary>
    public void SetName(string? name)
    {
        Name = name ?? "";
        if (!linkEdited)
        {
            LinkName = LinkNameRules.Derive(Name);
            LinkNameTaken = false;
        }
    }

    public void SetLinkName(string? link)
    {
        LinkName = (link ?? "").Trim();
        linkEdited = LinkName.Length > 0;
        LinkNameTaken = false;
        if (!linkEdited)
        {
            LinkName = LinkNameRules.Derive(Name);
        }
    }

    public bool IsSelected(string scope) => scopes.Contains(scope);

    public void SetScope(string scope, bool selected)
    {
        if (selected)
        {
            scopes.Add(scope);
        }
        else
        {
            scopes.Remove(scope);
        }
    }

    public void SetAllScopes(bool selected)
    {
        scopes.Clear();
        if (selected)
        {
            scopes.UnionWith(AvailableScopes.Select(s => s.Name));
        }
    }

    public CreateConnectionRequest ToRequest() => new()
    {
        Name = Name.Trim(),
        LinkName = LinkName,
        ServiceId = Service?.Descriptor.Id ?? "",
        Scopes = [.. AvailableScopes.Where(s => scopes.Contains(s.Name)).Select(s => s.Name)],
        Mode = UseLoginUserCredentials ? ConnectionMode.LoginUserCredentials : ConnectionMode.OwnerCredentials,
    };
}
