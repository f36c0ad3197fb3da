using Portal.Connections.Credentials;
using Portal.Web.Data;

namespace Portal.Web.ConnectionsHost;

/// <summary>The connections engine's change stamp: the portal's counter of committed writes to the connections tables.</summary>
internal sealed class DataChangesConnectionsStamp : IConnectionsChangeStamp
{
    public long? Current => DataChanges.Generation(DataTables.Connections);
}
