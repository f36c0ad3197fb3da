using Portal.Connections.Management;

namespace Portal.Web.ConnectionsUi;

/// <summary>A page of the connections table, how many rows match in all, and the services of the scope for the filter.</summary>
public sealed record ConnectionRowsPage(IReadOnlyList<ConnectionRow> Rows, int Total, IReadOnlyList<ConnectionServiceOption> Services);
