using Microsoft.EntityFrameworkCore;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.ConnectionsHost;
using Portal.Web.Data;

namespace Portal.Web.ConnectionsUi;

/// <summary>Adapts <see cref="IConnectionManager"/>, <see cref="IServiceCatalog"/> and <see cref="IConnectionAuthorizer"/> to the pages.</summary>
internal sealed class ConnectionsUi(
    IConnectionManager manager,
    IServiceCatalog catalog,
    IConnectionAuthorizer flow,
    IConnectionsDbContextFactory connectionsDb,
    IDbContextFactory<PortalDbContext> portalDb,
    IHttpClientFactory httpClients,
    ServiceTestConnections tests,
    IConnectionsWording wording) : IConnectionsUi
{
    public async Task<ConnectionRowsPage> PageAsync(ConnectionsUser user, ConnectionListScope scope, ConnectionListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var names = await UserNamesAsync(ct);
        var owners = query.Search?.Trim() is { Length: > 0 } search
            ? names.Where(n => n.Value.Contains(search, StringComparison.OrdinalIgnoreCase)).Select(n => n.Key).ToList()
            : [];
        var page = await manager.PageAsync(user, scope, query with { OwnersMatchingSearch = owners, Hidden = tests.Current }, ct);
        return new(
            [.. page.Items.Select(i => i.Summary).Zip(page.Items, (s, i) => new ConnectionRow(s.LinkName, s.Name, s.ServiceId, s.ServiceName, s.ServiceLogo, s.Status,
                i.RequestedScopes, s.OwnerUserId, names.GetValueOrDefault(s.OwnerUserId) ?? "Deleted user", s.Mode, s.CreatedAt, s.LastUsedAt))],
            page.Total,
            page.Services);
    }

    public Task<IReadOnlyList<CatalogService>> ListServicesAsync(CancellationToken ct = default) => catalog.ListAsync(ct);

    public async Task<bool> IsLinkNameTakenAsync(string linkName, CancellationToken ct = default)
    {
        // The engine has no "is this link name free?" query; the unique index still guards creation.
        await using var db = connectionsDb.CreateDbContext();
        return await db.Set<ConnectionEntity>().AnyAsync(c => c.LinkName == linkName, ct);
    }

    public Task<ConnectionCreateResult> CreateAsync(CreateConnectionRequest request, ConnectionsUser user, CancellationToken ct = default) =>
        manager.CreateAsync(request, user, ct);

    public async Task<ConnectionView?> GetAsync(string linkName, ConnectionsUser user, CancellationToken ct = default)
    {
        var details = await manager.GetAsync(linkName, user, ct);
        if (details is null)
        {
            return null;
        }

        var service = await catalog.FindAsync(details.Summary.ServiceId, ct);
        var names = await UserNamesAsync(ct);
        var summary = details.Summary;
        var described = details.RequestedScopes
            .Select(s => service?.Descriptor.Scopes.FirstOrDefault(d => d.Name == s) ?? new ScopeDefinition(s, s)).ToList();
        var viewerId = summary.Mode == ConnectionMode.OwnerCredentials ? summary.OwnerUserId : user.UserId;
        var auths = details.Authorizations
            .Select(a => new AuthorizationView(a.UserId, names.GetValueOrDefault(a.UserId) ?? "Deleted user", a.UserId == viewerId, a.Status, a.ProviderAccount,
                a.GrantedScopes, a.Status == AuthorizationStatus.Connected && a.GrantedScopes.Count > 0 ? [.. details.RequestedScopes.Except(a.GrantedScopes)] : [],
                a.AuthorizedAt, a.LastRefreshedAt, a.ExpiresAt, a.LastUsedAt, a.LastError))
            .OrderByDescending(a => a.IsViewer).ThenBy(a => a.UserName, StringComparer.OrdinalIgnoreCase).ToList();
        var canManage = user.IsAdmin || summary.OwnerUserId == user.UserId;
        var canAuthorize = summary.Mode == ConnectionMode.LoginUserCredentials || summary.OwnerUserId == user.UserId;
        var sampleUrl = service?.Descriptor.SampleRequestUrl ?? (service?.Descriptor.AllowedApiBaseUrls is [var firstUrl, ..] ? firstUrl : null);
        return new ConnectionView(summary, names.GetValueOrDefault(summary.OwnerUserId) ?? "Deleted user", service?.Descriptor.AuthType ?? ServiceAuthType.OAuth2AuthorizationCode,
            described, auths, details.UsedBy, InvokeUrlSnippet.Format(linkName, sampleUrl), details.AuthorizePath, canManage, canAuthorize,
            service?.Descriptor.ApiKeyParameters ?? [],
            service is null ? null : CredentialDestination.From(service, service.CreatedByUserId is { } creator ? names.GetValueOrDefault(creator) : null));
    }

    public async Task<UiResult> AuthorizeDirectAsync(string linkName, ConnectionsUser user, CredentialInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var details = await manager.GetAsync(linkName, user, ct);
        var service = details is null ? null : await catalog.FindAsync(details.Summary.ServiceId, ct);
        if (details is null || service is null)
        {
            return UiResult.Fail($"Connection '{linkName}' no longer exists. Go back to Connections and pick another one.");
        }

        try
        {
            switch (service.Descriptor.AuthType)
            {
                case ServiceAuthType.ApiKey:
                    await flow.AuthorizeWithApiKeyAsync(linkName, user.UserId, input.ApiKeys, ct);
                    break;
                case ServiceAuthType.Basic:
                    await flow.AuthorizeWithBasicAsync(linkName, user.UserId, input.UserName.Trim(), input.Password, ct);
                    break;
                case ServiceAuthType.OAuth2ClientCredentials:
                    await flow.AuthorizeWithClientCredentialsAsync(linkName, user.UserId, ct);
                    break;
                default:
                    return UiResult.Fail($"{service.Descriptor.DisplayName} signs in at the provider. Click Connect to open its sign-in window.");
            }
        }
        catch (ConnectionsException ex)
        {
            return UiResult.Fail(wording.Describe(ex));
        }

        return await VerifyAsync(linkName, user, service.Descriptor, ct);
    }

    // A stored credential the provider refuses must not read "Connected" (issue 16); it is removed again and the form stays open.
    private async Task<UiResult> VerifyAsync(string linkName, ConnectionsUser user, Portal.Connections.Catalog.ServiceDescriptor descriptor, CancellationToken ct)
    {
        if (descriptor.TestRequestUrl is not { } url)
        {
            return UiResult.Ok;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url).UseConnection(linkName, user.UserId);
        int status;
        try
        {
            using var response = await httpClients.CreateClient(ConnectionsHttpClients.Invoke).SendAsync(request, ct);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectionsException or TaskCanceledException)
        {
            // An unreachable test URL says nothing about the key; the connection stays connected.
            return UiResult.Ok;
        }

        if (status is not (401 or 403))
        {
            return UiResult.Ok;
        }

        await manager.RevokeAsync(linkName, user, null, ct);
        var what = descriptor.AuthType switch
        {
            ServiceAuthType.Basic => "user name and password",
            ServiceAuthType.OAuth2ClientCredentials => "token",
            _ => "key",
        };
        return UiResult.Fail($"The provider rejected this {what} ({status}): {descriptor.DisplayName} answered GET {url} with {status}. Check the {what} and try again.");
    }

    public async Task<UiResult> RevokeAsync(string linkName, ConnectionsUser user, string? targetUserId = null, CancellationToken ct = default)
    {
        try
        {
            return await manager.RevokeAsync(linkName, user, targetUserId, ct)
                ? UiResult.Ok
                : UiResult.Fail("There was nothing to revoke: this authorization is not connected. Reload the page to see the current status.");
        }
        catch (ConnectionsException ex)
        {
            return UiResult.Fail(wording.Describe(ex));
        }
    }

    public Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken ct = default) => manager.GetUsagesAsync(linkName, ct);

    public async Task<UiResult> DeleteAsync(string linkName, ConnectionsUser user, CancellationToken ct = default)
    {
        try
        {
            await manager.DeleteAsync(linkName, user, force: true, ct);
            return UiResult.Ok;
        }
        catch (ConnectionsException ex)
        {
            return UiResult.Fail(wording.Describe(ex));
        }
    }

    public async Task<TestRequestResult> SendTestRequestAsync(string linkName, ConnectionsUser user, CancellationToken ct = default)
    {
        var details = await manager.GetAsync(linkName, user, ct);
        var service = details is null ? null : await catalog.FindAsync(details.Summary.ServiceId, ct);
        var url = service?.Descriptor.SampleRequestUrl ?? (service?.Descriptor.AllowedApiBaseUrls is [var firstUrl, ..] ? firstUrl : null);
        if (url is null)
        {
            return new(false, "The service has no sample request URL or API base URL to test. Add one to the service and try again.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url).UseConnection(linkName, user.UserId);
        try
        {
            using var response = await httpClients.CreateClient(ConnectionsHttpClients.Invoke).SendAsync(request, ct);
            var code = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            return response.IsSuccessStatusCode
                ? new(true, $"GET {url} answered {code}: the credentials work.")
                : new(false, $"GET {url} answered {code}. Check the credentials and the API base URLs, then test again.");
        }
        catch (ConnectionsException ex)
        {
            return new(false, wording.Describe(ex));
        }
        catch (HttpRequestException ex)
        {
            return new(false, $"The request to {url} failed: {ex.Message}. Check that the URL is reachable and test again.");
        }
    }

    private async Task<Dictionary<string, string>> UserNamesAsync(CancellationToken ct)
    {
        await using var db = await portalDb.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.UserName ?? u.Id, ct);
    }

}
