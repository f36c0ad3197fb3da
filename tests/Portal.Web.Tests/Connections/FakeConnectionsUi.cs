using System.Globalization;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

/// <summary>In-memory <see cref="IConnectionsUi"/> for component tests; records what the pages asked for.</summary>
internal sealed class FakeConnectionsUi : IConnectionsUi
{
    public List<ConnectionRow> Rows { get; } = [];

    public List<CatalogService> Services { get; } = [Sheets, Weather, NeedsSetup];

    public HashSet<string> TakenLinkNames { get; } = [];

    public Dictionary<string, ConnectionView> Views { get; } = [];

    public List<(ConnectionsUser User, ConnectionListScope Scope)> ListCalls { get; } = [];

    public List<ConnectionListQuery> Queries { get; } = [];

    public List<CreateConnectionRequest> Created { get; } = [];

    public static CatalogService Sheets { get; } = new()
    {
        Descriptor = new ServiceDescriptor
        {
            Id = "sandbox_sheets", DisplayName = "Sandbox Sheets", Category = "Sandbox · Productivity", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
            Scopes = [new("sheets.read", "Read your spreadsheets"), new("sheets.write", "Add and change rows in your spreadsheets")],
            DefaultScopes = ["sheets.read"], SampleRequestUrl = "http://127.0.0.1:5100/api/sheets/v1/spreadsheets",
        },
    };

    public static CatalogService Weather { get; } = new()
    {
        Descriptor = new ServiceDescriptor
        {
            Id = "sandbox_weather", DisplayName = "Sandbox Weather", Category = "Sandbox · Data", AuthType = ServiceAuthType.ApiKey,
            ApiKeyParameters = [new ApiKeyParameter { Name = "X-Weather-Key", Label = "API key" }],
        },
    };

    public static CatalogService NeedsSetup { get; } = new()
    {
        Descriptor = new ServiceDescriptor { Id = "github", DisplayName = "GitHub", Category = "Developer tools" },
        NeedsSetup = true,
        SetupMessage = "Needs setup: GitHub has no client id and secret yet.",
        Problem = new(ConnectionsErrorKind.ServiceNeedsSetup, ConnectionRemedy.SetUpService) { ServiceName = "GitHub", Actor = ConnectionActor.Admin },
    };

    public Task<ConnectionRowsPage> PageAsync(ConnectionsUser user, ConnectionListScope scope, ConnectionListQuery query, CancellationToken ct = default)
    {
        ListCalls.Add((user, scope));
        Queries.Add(query);
        var inScope = (scope switch
        {
            ConnectionListScope.My => Rows.Where(r => r.OwnerUserId == user.UserId),
            ConnectionListScope.Shared => Rows.Where(r => r.OwnerUserId != user.UserId && r.Mode == ConnectionMode.LoginUserCredentials),
            _ => Rows,
        }).ToList();
        var search = query.Search?.Trim() ?? "";
        var matching = inScope.Where(r => (query.Status is null || r.Status == query.Status) && (query.ServiceId is null || r.ServiceId == query.ServiceId)
            && (search.Length == 0 || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || r.LinkName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.ServiceName.Contains(search, StringComparison.OrdinalIgnoreCase) || r.OwnerName.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.LinkName, StringComparer.Ordinal).ToList();
        return Task.FromResult(new ConnectionRowsPage(
            [.. matching.Skip(query.Skip).Take(query.Take)],
            matching.Count,
            [.. inScope.Select(r => new ConnectionServiceOption(r.ServiceId, r.ServiceName)).Distinct().OrderBy(s => s.ServiceName, StringComparer.Ordinal)]));
    }

    public Task<IReadOnlyList<CatalogService>> ListServicesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<CatalogService>>(Services);

    public Task<bool> IsLinkNameTakenAsync(string linkName, CancellationToken ct = default) => Task.FromResult(TakenLinkNames.Contains(linkName));

    public Task<ConnectionCreateResult> CreateAsync(CreateConnectionRequest request, ConnectionsUser user, CancellationToken ct = default)
    {
        Created.Add(request);
        return Task.FromResult(new ConnectionCreateResult(true, [], Summary(request.LinkName!, request.Name, user.UserId, request.Mode, AuthorizationStatus.NotConnected)));
    }

    public Task<ConnectionView?> GetAsync(string linkName, ConnectionsUser user, CancellationToken ct = default) => Task.FromResult(Views.GetValueOrDefault(linkName));

    public Task<UiResult> AuthorizeDirectAsync(string linkName, ConnectionsUser user, CredentialInput input, CancellationToken ct = default) => Task.FromResult(UiResult.Ok);

    public Task<UiResult> RevokeAsync(string linkName, ConnectionsUser user, string? targetUserId = null, CancellationToken ct = default) => Task.FromResult(UiResult.Ok);

    public Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ConnectionUsage>>(Views.GetValueOrDefault(linkName)?.UsedBy ?? []);

    public Task<TestRequestResult> SendTestRequestAsync(string linkName, ConnectionsUser user, CancellationToken ct = default) =>
        Task.FromResult(new TestRequestResult(true, "GET answered 200 OK: the credentials work."));

    public Task<UiResult> DeleteAsync(string linkName, ConnectionsUser user, CancellationToken ct = default) => Task.FromResult(UiResult.Ok);

    public static ConnectionSummary Summary(string link, string name, string owner, ConnectionMode mode, AuthorizationStatus status) =>
        new(link, name, "sandbox_sheets", "Sandbox Sheets", null, mode, owner, status, DateTimeOffset.Parse("2026-11-01T10:00:00Z", CultureInfo.InvariantCulture), null);

    public static ConnectionRow Row(string link, string owner, ConnectionMode mode, AuthorizationStatus status) =>
        new(link, link.Replace('_', ' '), "sandbox_sheets", "Sandbox Sheets", null, status, ["sheets.read"], owner, owner, mode, DateTimeOffset.Parse("2026-11-01T10:00:00Z", CultureInfo.InvariantCulture), null);
}
