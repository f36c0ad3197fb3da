namespace Portal.Web.Integrations;

/// <summary>Looks up catalogue services (display name, API base URLs) for integration packs.</summary>
internal interface IIntegrationServiceDirectory
{
    Task<IntegrationServiceInfo?> FindAsync(string serviceId, CancellationToken ct);
}
