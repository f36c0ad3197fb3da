using System.Security.Claims;
using Portal.Web.ConnectionsUi;
using Portal.Web.Integrations;

namespace Portal.Web.Tests.Integrations;

/// <summary>In-memory <see cref="IIntegrationsAdmin"/> for page tests; records binds, unbinds and tests.</summary>
internal sealed class FakeIntegrationsAdmin : IIntegrationsAdmin
{
    public static IntegrationPack Zoho { get; } = IntegrationPackCatalog.BuiltIn().Find("zoho.crm")!;

    public IntegrationStatus Status { get; set; } = new(Zoho, IntegrationBindingState.NotBound);

    public List<BindableConnection> Connections { get; } = [];

    public List<(string Namespace, string LinkName, string? Admin)> Binds { get; } = [];

    public List<string> Unbinds { get; } = [];

    public IntegrationTestResult TestResult { get; set; } = new(true, "zoho.crm.getRecords(\"Leads\", 1, 1) returned a list of 1 record(s) (HTTP 200).", """[{"id":"1","Last_Name":"Lovelace"}]""");

    public Task<IReadOnlyList<IntegrationStatus>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<IntegrationStatus>>([Status]);

    public Task<IReadOnlyList<BindableConnection>> ConnectionsForAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BindableConnection>>([.. Connections]);

    public Task<UiResult> BindAsync(string ns, string linkName, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        Binds.Add((ns, linkName, admin.FindFirstValue(ClaimTypes.NameIdentifier)));
        var connection = Connections.Single(c => c.LinkName == linkName);
        Status = new IntegrationStatus(Zoho, IntegrationBindingState.Bound, connection.Name, linkName, "admin@test.local", "admin@test.local", DateTimeOffset.UnixEpoch);
        return Task.FromResult(UiResult.Ok);
    }

    public Task<UiResult> UnbindAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        Unbinds.Add(ns);
        Status = new IntegrationStatus(Zoho, IntegrationBindingState.NotBound);
        return Task.FromResult(UiResult.Ok);
    }

    public Task<IntegrationTestResult> TestAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default) => Task.FromResult(TestResult);
}
