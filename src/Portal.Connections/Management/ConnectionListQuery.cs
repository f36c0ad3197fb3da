using Portal.Connections.Data;

namespace Portal.Connections.Management;

/// <summary>One page of a connections list: scope, filters and the window asked for.</summary>
public sealed record ConnectionListQuery
{
    /// <summary>Matches the name or link name (case-insensitive), the service's name or an owner in <see cref="OwnersMatchingSearch"/>.</summary>
    public string? Search { get; init; }

    /// <summary>The status the viewer sees: the owner's authorization for owner-credential connections, their own for shared ones.</summary>
    public AuthorizationStatus? Status { get; init; }

    public string? ServiceId { get; init; }

    /// <summary>User ids whose display name matches <see cref="Search"/> (names live with the host's users, not here).</summary>
    public IReadOnlyCollection<string> OwnersMatchingSearch { get; init; } = [];

    /// <summary>Link names never listed (the host's hidden "Test connection" rows).</summary>
    public IReadOnlyCollection<string> Hidden { get; init; } = [];

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>A page of connections in name order, how many match in all, and the services present in the scope (for the filter).</summary>
public sealed record ConnectionListPage(IReadOnlyList<ConnectionListItem> Items, int Total, IReadOnlyList<ConnectionServiceOption> Services);

public sealed record ConnectionListItem(ConnectionSummary Summary, IReadOnlyList<string> RequestedScopes);

public sealed record ConnectionServiceOption(string ServiceId, string ServiceName);
