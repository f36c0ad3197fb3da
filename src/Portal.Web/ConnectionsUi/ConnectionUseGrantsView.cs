namespace Portal.Web.ConnectionsUi;

/// <summary>The "Functions of these people may use it" list of an owner-mode connection, for its owner or an admin (SEC-33).</summary>
public sealed record ConnectionUseGrantsView(IReadOnlyList<ConnectionUseGranteeView> Grants, IReadOnlyList<ConnectionUseGranteeView> Candidates);

/// <summary>One person on the list (or who could be added): GrantedBy/GrantedAt are null for candidates.</summary>
public sealed record ConnectionUseGranteeView(string UserId, string Name, string? Email, string? GrantedBy, DateTimeOffset? GrantedAt);
