using Microsoft.EntityFrameworkCore;

namespace Portal.Connections.Data;

/// <summary>Called by the host's DbContext.OnModelCreating to add the connection tables.</summary>
public static class ConnectionsModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.ApplyConfiguration(new ServiceDefinitionEntityConfiguration());
        b.ApplyConfiguration(new ConnectionEntityConfiguration());
        b.ApplyConfiguration(new ConnectionAuthorizationEntityConfiguration());
        b.ApplyConfiguration(new ConnectionUseGrantEntityConfiguration());
        b.ApplyConfiguration(new OAuthFlowStateEntityConfiguration());
        b.ApplyConfiguration(new PersonalAccessTokenEntityConfiguration());
    }
}
