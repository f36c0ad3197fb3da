namespace Portal.Connections.Catalog;

/// <summary>Register implementations in DI to add default services (e.g. the Sandbox) at startup.</summary>
public interface ICatalogContributor
{
    IEnumerable<ContributedService> GetServices();
}
