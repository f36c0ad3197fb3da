using Portal.Connections;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

/// <summary>In-memory "Functions of these people may use it" lists, keyed by link name.</summary>
internal sealed class FakeConnectionUseGrantsUi : IConnectionUseGrantsUi
{
    public Dictionary<string, ConnectionUseGrantsView> Views { get; } = [];

    public List<(string Link, string UserId)> Granted { get; } = [];

    public List<(string Link, string UserId)> Revoked { get; } = [];

    public Task<ConnectionUseGrantsView?> GetAsync(string linkName, ConnectionsUser viewer, CancellationToken ct = default) =>
        Task.FromResult(Views.GetValueOrDefault(linkName));

    public Task<UiResult> GrantAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        Granted.Add((linkName, granteeUserId));
        return Task.FromResult(UiResult.Ok);
    }

    public Task<UiResult> RevokeAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        Revoked.Add((linkName, granteeUserId));
        return Task.FromResult(UiResult.Ok);
    }
}
