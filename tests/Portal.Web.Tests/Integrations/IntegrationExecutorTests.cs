using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Scripting;
using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Integrations;
using Portal.Web.Tests.Functions;

namespace Portal.Web.Tests.Integrations;

/// <summary>Who a task call runs as, where it goes, what is audited — with a fake HTTP layer.</summary>
public sealed class IntegrationExecutorTests : IDisposable
{
    private static readonly IntegrationPack Zoho = IntegrationPackCatalog.BuiltIn().Find("zoho.crm")!;
    private static readonly IntegrationRunner Bob = new("bob", "bob@test.local");
    private readonly FunctionTestDatabase database = new();
    private readonly RecordingHttp http = new();
    private readonly IntegrationExecutor executor;

    public IntegrationExecutorTests() =>
        executor = new IntegrationExecutor(database.Factory, new Services(), http, new DatabaseUseCheck(database.Factory), database.Audit, database.Time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task An_unbound_pack_fails_with_an_error_naming_it_and_where_an_admin_binds_it()
    {
        var error = await Assert.ThrowsAsync<ScriptHostException>(() => RunAsync("getRecords", ScriptValue.Text("Leads")));

        Assert.StartsWith("integration zoho.crm is not set up, so zoho.crm.getRecords cannot run: an admin must bind it to a Zoho CRM connection under Users & Control › Integrations (/admin/integrations)", error.Message, StringComparison.Ordinal);
        Assert.Empty(http.Calls);
    }

    [Fact]
    public async Task A_bound_pack_runs_with_the_admins_authorization_at_the_api_domain_and_is_audited()
    {
        await BindAsync("https://www.zohoapis.eu", AuthorizationStatus.Connected);

        var result = await RunAsync("getRecords", ScriptValue.Text("Leads"));

        var (user, request) = Assert.Single(http.Calls);
        Assert.Equal("admin", user);
        Assert.Equal("https://www.zohoapis.eu/crm/v8/Leads?page=1&per_page=200", request.Url);
        Assert.Equal("zoho_admin", request.ConnectionLinkName);
        Assert.Equal("""[{"id":"1"}]""", result.Value.ToJson());
        Assert.Equal("admin (admin@test.local) via integration zoho.crm", Assert.Single(result.HttpCalls).RanAs);
        await using var db = await database.Factory.CreateDbContextAsync();
        var audit = Assert.Single(await db.AuditEvents.Where(e => e.Action == IntegrationAuditActions.TaskAsAdmin).ToListAsync());
        Assert.Equal("bob@test.local", audit.ActorEmail);
        Assert.Equal("zoho.crm", audit.TargetId);
        Assert.Equal("integration task as admin: zoho.crm.getRecords ran with admin@test.local's authorization of connection 'zoho_admin' (HTTP 200)", audit.Details);
    }

    [Fact]
    public async Task Without_an_api_domain_the_services_api_origin_is_used()
    {
        await BindAsync(null, AuthorizationStatus.Connected);

        await RunAsync("getRecordById", ScriptValue.Text("Leads"), ScriptValue.Number(42));

        Assert.Equal("https://www.zohoapis.com/crm/v8/Leads/42", Assert.Single(http.Calls).Request.Url);
    }

    [Fact]
    public async Task An_admin_authorization_that_needs_renewal_gives_a_clear_error_before_any_call()
    {
        await BindAsync(null, AuthorizationStatus.NeedsReauthorization);

        var error = await Assert.ThrowsAsync<ScriptHostException>(() => RunAsync("getRecords", ScriptValue.Text("Leads")));

        Assert.Equal("integration zoho.crm cannot run: the admin admin@test.local must re-authorize connection 'zoho_admin' it is bound to. An admin must open Users & Control › Integrations (/admin/integrations) and authorize or re-bind zoho.crm.", error.Message);
        Assert.Empty(http.Calls);
    }

    [Fact]
    public async Task A_trailing_connection_argument_runs_with_the_running_users_authorization_and_is_not_audited_as_admin()
    {
        await BindAsync(null, AuthorizationStatus.Connected);
        await AddConnectionAsync("bobs_crm", "bob", ConnectionMode.LoginUserCredentials, ("bob", AuthorizationStatus.Connected, "https://www.zohoapis.in"));

        var result = await RunAsync("getRecords", ScriptValue.Text("Deals"), ScriptValue.Number(1), ScriptValue.Number(10), ScriptValue.Map(), ScriptValue.Text("bobs_crm"));

        var (user, request) = Assert.Single(http.Calls);
        Assert.Equal("bob", user);
        Assert.Equal("https://www.zohoapis.in/crm/v8/Deals?page=1&per_page=10", request.Url);
        Assert.Equal("bobs_crm", request.ConnectionLinkName);
        Assert.StartsWith("connection \"bobs_crm\" (bob@test.local's own authorization)", Assert.Single(result.HttpCalls).RanAs, StringComparison.Ordinal);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == IntegrationAuditActions.TaskAsAdmin));
    }

    [Fact]
    public async Task A_network_failure_becomes_a_catchable_error_with_its_trace_entry()
    {
        await BindAsync(null, AuthorizationStatus.Connected);
        http.Failure = "request to www.zohoapis.com timed out after 40 s; check that the service is up or try again later";

        var error = await Assert.ThrowsAsync<ScriptHostException>(() => RunAsync("deleteRecord", ScriptValue.Text("Leads"), ScriptValue.Text("9")));

        Assert.Contains("timed out after 40 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("/admin/integrations", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(error.HttpCalls);
        Assert.Equal("DELETE", entry.Method);
        Assert.Equal(0, entry.StatusCode);
        Assert.Equal("admin (admin@test.local) via integration zoho.crm", entry.RanAs);
    }

    [Fact]
    public async Task A_binding_whose_admin_lost_the_admin_role_stops_before_any_call()
    {
        await BindAsync(null, AuthorizationStatus.Connected);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.UserRoles.RemoveRange(db.UserRoles.Where(ur => ur.UserId == "admin"));
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<ScriptHostException>(() => RunAsync("getRecords", ScriptValue.Text("Leads")));

        Assert.Equal("integration zoho.crm cannot run: admin@test.local, whose authorization it is bound to, is no longer an active admin. An admin must open Users & Control › Integrations (/admin/integrations) and re-bind zoho.crm with their own authorization.", error.Message);
        Assert.Empty(http.Calls);
    }

    [Fact]
    public async Task A_binding_whose_admin_is_locked_out_stops_before_any_call()
    {
        await BindAsync(null, AuthorizationStatus.Connected);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var admin = await db.Users.SingleAsync(u => u.Id == "admin");
            admin.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<ScriptHostException>(() => RunAsync("getRecords", ScriptValue.Text("Leads")));

        Assert.Contains("is no longer an active admin", error.Message, StringComparison.Ordinal);
        Assert.Empty(http.Calls);
    }

    private Task<HostTaskResult> RunAsync(string task, params ScriptValue[] arguments) =>
        executor.ExecuteAsync(Zoho, Zoho.FindTask(task)!, arguments, Bob, CancellationToken.None);

    private async Task BindAsync(string? apiDomain, AuthorizationStatus status)
    {
        var id = await AddConnectionAsync("zoho_admin", "admin", ConnectionMode.OwnerCredentials, ("admin", status, apiDomain));
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Users.Add(new ApplicationUser { Id = "admin", UserName = "admin@test.local", Email = "admin@test.local" });
        db.Roles.Add(new IdentityRole(Roles.Admin) { Id = "role-admin", NormalizedName = Roles.Admin.ToUpperInvariant() });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = "admin", RoleId = "role-admin" });
        db.IntegrationBindings.Add(new IntegrationBindingEntity
        {
            Namespace = "zoho.crm", ConnectionId = id, AuthorizationUserId = "admin", AuthorizationUserEmail = "admin@test.local",
            BoundByUserId = "admin", BoundByEmail = "admin@test.local", BoundAt = database.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddConnectionAsync(string link, string owner, ConnectionMode mode, (string User, AuthorizationStatus Status, string? ApiDomain) authorization)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var connection = new ConnectionEntity { Id = Guid.NewGuid(), Name = link, LinkName = link, ServiceId = "zoho_crm", OwnerUserId = owner, Mode = mode, CreatedAt = database.Time.GetUtcNow() };
        db.Add(connection);
        db.Add(new ConnectionAuthorizationEntity { Id = Guid.NewGuid(), ConnectionId = connection.Id, UserId = authorization.User, Status = authorization.Status, ApiDomain = authorization.ApiDomain });
        await db.SaveChangesAsync();
        return connection.Id;
    }

    private sealed class Services : IIntegrationServiceDirectory
    {
        public Task<IntegrationServiceInfo?> FindAsync(string serviceId, CancellationToken ct) =>
            Task.FromResult<IntegrationServiceInfo?>(new IntegrationServiceInfo("Zoho CRM", ["https://www.zohoapis.com/crm/"]));
    }

    /// <summary>SEC-33 as the engine applies it, reduced to what these tests need: a shared connection or the run's own.</summary>
    private sealed class DatabaseUseCheck(IDbContextFactory<PortalDbContext> factory) : IConnectionUseCheck
    {
        public async Task<ConnectionEntity> RequireUsableAsync(string linkName, ConnectionUseContext context, CancellationToken ct = default)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var connection = await db.Set<ConnectionEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.LinkName == linkName, ct);
            return connection is not null && (connection.Mode == ConnectionMode.LoginUserCredentials || context.Code.All(c => c.OwnerUserId == connection.OwnerUserId))
                ? connection
                : throw ConnectionUseRefusal.For(linkName, context);
        }
    }

    private sealed class RecordingHttp : IIntegrationHttpInvokerFactory
    {
        public List<(string User, HttpInvocationRequest Request)> Calls { get; } = [];

        public string? Failure { get; set; }

        public IHttpInvoker CreateFor(ConnectionUseContext connectionUse) => new Invoker(this, connectionUse.RunningUserId);

        private sealed class Invoker(RecordingHttp owner, string userId) : IHttpInvoker
        {
            public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
            {
                owner.Calls.Add((userId, request));
                return owner.Failure is { } failure
                    ? Task.FromResult(HttpInvocationResponse.Failed(failure))
                    : Task.FromResult(new HttpInvocationResponse { StatusCode = 200, Body = """{"data":[{"id":"1"}],"info":{"more_records":false}}""" });
            }
        }
    }
}
