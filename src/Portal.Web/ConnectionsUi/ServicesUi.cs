using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.Security;
using Portal.Web.ConnectionsHost;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.ConnectionsUi;

internal sealed class ServicesUi(
    IServiceCatalog catalog,
    IOptions<ConnectionsOptions> options,
    NavigationManager navigation,
    IConnectionManager manager,
    ServiceTestConnections tests,
    IConnectionsAuditSink audit,
    TimeProvider time) : IServicesUi
{
    public const string ServiceTestedAction = "service.tested";

    // Mirrors OAuthEndpoints.CallbackPath, which the engine keeps internal.
    public const string CallbackPath = "/connections/oauth/callback";

    public string RedirectUri => (string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? navigation.BaseUri : options.Value.PublicBaseUrl).TrimEnd('/') + CallbackPath;

    public Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default) => catalog.ListAsync(ct);

    public Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default) => catalog.FindAsync(serviceId, ct);

    public Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default) =>
        catalog.ConfigureDefaultAsync(serviceId, settings, actorUserId, ct);

    public async Task<ConnectionCreateResult> BeginTestAsync(string serviceId, ConnectionsUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = tests.NewLinkName(serviceId);
        var result = await manager.CreateAsync(new CreateConnectionRequest { Name = $"Test of {serviceId}", LinkName = link, ServiceId = serviceId }, user, ct);
        if (!result.Succeeded)
        {
            tests.Forget(link);
        }

        return result;
    }

    public async Task EndTestAsync(string serviceId, string linkName, ConnectionsUser user, string outcome, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!tests.Contains(linkName))
        {
            return;
        }

        try
        {
            await manager.DeleteAsync(linkName, user, force: true, ct);
        }
        catch (ConnectionsException)
        {
            // Already gone (deleted elsewhere); nothing is left either way.
        }
        finally
        {
            tests.Forget(linkName);
        }

        await audit.WriteAsync(new ConnectionsAuditEvent(ServiceTestedAction, user.UserId, time.GetUtcNow(), ServiceId: serviceId, Detail: outcome), ct);
    }

    public Task<ServiceEditResult> SaveCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool isNew, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return isNew ? catalog.CreateCustomAsync(descriptor, clientId, clientSecret, actor.UserId, ct)
                     : catalog.UpdateCustomAsync(descriptor, clientId, clientSecret, enabled: true, actor, ct);
    }
}
