using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Integrations;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Integrations;

/// <summary>Acceptance: zoho.crm tasks through the real portal wiring against the embedded Sandbox CRM.</summary>
public sealed class IntegrationTasksAgainstSandboxTests(CrmIntegrationFixture fixture) : IClassFixture<CrmIntegrationFixture>
{
    private static readonly string Suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Bob_gets_leads_through_the_admin_binding_while_his_invokeUrl_runs_as_himself()
    {
        var run = await fixture.RunAsync(fixture.Bob, "bob_leads_and_echo.dg", ("suffix", Suffix), ("sandbox", fixture.Factory.SandboxUrl));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.True(result.GetProperty("leads").GetInt32() >= 23);
        Assert.Equal(CrmIntegrationFixture.AdminSandboxAccount, result.GetProperty("created").GetProperty("Created_By").GetProperty("email").GetString());
        Assert.Equal(CrmIntegrationFixture.BobSandboxAccount, result.GetProperty("echoUser").GetString());
        var createdId = result.GetProperty("created").GetProperty("id").GetString();
        var stored = Assert.Single(await fixture.Sandbox.GetCrmRecordsAsync("Leads"), r => r.Id == createdId);
        Assert.Equal(CrmIntegrationFixture.AdminSandboxAccount, stored.CreatedByEmail);

        Assert.Equal(3, run.HttpTrace.Count);
        Assert.All(run.HttpTrace.Take(2), t => Assert.Equal($"admin ({PortalWebFactory.AdminEmail}) via integration zoho.crm", t.RanAs));
        Assert.Null(run.HttpTrace[2].RanAs);
        Assert.Equal("echo_shared", run.HttpTrace[2].ConnectionLinkName);
        Assert.DoesNotContain(run.HttpTrace, t => t.RequestHeaders.Any(h => h.Key == "Authorization" && !h.Value.EndsWith("••••", StringComparison.Ordinal)));

        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var audits = await db.AuditEvents.AsNoTracking().Where(e => e.Action == IntegrationAuditActions.TaskAsAdmin && e.ActorEmail == "bob@portal.local").ToListAsync();
        Assert.Contains(audits, a => a.Details!.Contains("zoho.crm.getRecords ran with admin@test.local's authorization of connection 'org_crm'", StringComparison.Ordinal));
        Assert.Contains(audits, a => a.Details!.Contains("zoho.crm.createRecord", StringComparison.Ordinal));
        Assert.All(audits, a => Assert.StartsWith("integration task as admin:", a.Details, StringComparison.Ordinal));

        // SEC-32: the audit trail names who and what, never a credential.
        Assert.All(audits, a => Assert.DoesNotContain("oauthtoken", a.Details, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_real_world_lead_script_creates_searches_updates_and_deletes_unchanged()
    {
        var run = await fixture.RunAsync(fixture.Bob, "lead_lifecycle.dg", ("suffix", Suffix));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        var id = result.GetProperty("id").GetString();
        Assert.Equal(1, result.GetProperty("found").GetInt32());
        Assert.Equal(id, result.GetProperty("foundId").GetString());
        Assert.Equal("Qualified", result.GetProperty("status").GetString());
        Assert.Equal(id, result.GetProperty("updatedId").GetString());
        Assert.Equal("SUCCESS", result.GetProperty("deleted").GetString());
        Assert.True(result.GetProperty("gone").GetBoolean());
        Assert.DoesNotContain(await fixture.Sandbox.GetCrmRecordsAsync("Leads"), r => r.Id == id);
    }

    [Fact]
    public async Task Related_deals_of_every_contact_come_back_through_the_related_list()
    {
        var run = await fixture.RunAsync(fixture.Bob, "related_deals.dg");

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var linkedDeals = (await fixture.Sandbox.GetCrmRecordsAsync("Deals")).Count(d => d.FieldsJson.Contains("\"Contact_Name\"", StringComparison.Ordinal));
        Assert.Equal(linkedDeals.ToString(System.Globalization.CultureInfo.InvariantCulture), run.ReturnValueJson);
        Assert.True(linkedDeals > 0);
    }

    [Fact]
    public async Task Paging_with_getRecords_and_paging_on_more_records_both_read_every_lead()
    {
        var byTask = await fixture.RunAsync(fixture.Bob, "all_leads_by_page.dg");
        var byMoreRecords = await fixture.RunAsync(fixture.Admin, "more_records_paging.dg", ("sandbox", fixture.Factory.SandboxUrl));

        var total = (await fixture.Sandbox.GetCrmRecordsAsync("Leads")).Count;
        Assert.True(byTask.ErrorMessage is null, byTask.ErrorMessage);
        Assert.True(byMoreRecords.ErrorMessage is null, byMoreRecords.ErrorMessage);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), byTask.ReturnValueJson);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), byMoreRecords.ReturnValueJson);
        Assert.Equal((total / 5) + 1, byTask.HttpTrace.Count);
        Assert.Contains(byTask.HttpTrace, t => t.Url.Contains("page=2&per_page=5", StringComparison.Ordinal));
        Assert.All(byMoreRecords.HttpTrace, t => Assert.Null(t.RanAs));
    }

    [Fact]
    public async Task Zoho_errors_come_back_as_maps_the_script_can_inspect()
    {
        var run = await fixture.RunAsync(fixture.Bob, "search_errors.dg", ("suffix", Suffix));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.Equal("INVALID_QUERY", result.GetProperty("bad").GetString());
        Assert.Equal("MANDATORY_NOT_FOUND", result.GetProperty("missing").GetString());
        Assert.Equal("Last_Name", result.GetProperty("missingField").GetString());
        Assert.Equal(0, result.GetProperty("nothing").GetInt32());
    }

    [Fact]
    public async Task An_unbound_pack_stops_the_run_with_an_error_naming_it_and_where_to_bind_it()
    {
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IIntegrationsAdmin>().UnbindAsync("zoho.crm", fixture.Admin)).Succeeded);
        }

        FunctionRunRecord run;
        try
        {
            run = await fixture.RunAsync(fixture.Bob, "all_leads_by_page.dg");
        }
        finally
        {
            await fixture.BindAsync();
        }

        Assert.Equal(FunctionRunStatus.Failed, run.Status);
        Assert.StartsWith("integration zoho.crm is not set up, so zoho.crm.getRecords cannot run: an admin must bind it to a Zoho CRM connection under Users & Control › Integrations (/admin/integrations)", run.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(6, run.ErrorLine);
        Assert.Empty(run.HttpTrace);
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var changes = await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == "zoho.crm" && e.Action != IntegrationAuditActions.TaskAsAdmin).ToListAsync();
        Assert.Contains(changes, e => e.Action == IntegrationAuditActions.Unbound && e.ActorEmail == PortalWebFactory.AdminEmail);
        Assert.Contains(changes, e => e.Action == IntegrationAuditActions.Bound && e.Details == $"bound to connection 'org_crm'; tasks run with {PortalWebFactory.AdminEmail}'s authorization");
    }

    // SEC-12
    [Fact]
    public async Task An_api_domain_outside_the_services_api_base_never_receives_the_admins_credential()
    {
        await SetApiDomainAsync(fixture.Factory.SandboxUrl + "/api/echo");
        FunctionRunRecord run;
        try
        {
            run = await fixture.RunAsync(fixture.Bob, "all_leads_by_page.dg");
        }
        finally
        {
            await SetApiDomainAsync(fixture.Factory.SandboxUrl);
        }

        Assert.Equal(FunctionRunStatus.Failed, run.Status);
        Assert.Contains("Connection 'org_crm' only sends credentials to", run.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("/admin/integrations", run.ErrorMessage, StringComparison.Ordinal);
        var call = Assert.Single(run.HttpTrace);
        Assert.Equal(0, call.StatusCode);
        Assert.StartsWith(fixture.Factory.SandboxUrl + "/api/echo/crm/v8/Leads", call.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_page_test_call_reads_leads_with_the_binding()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<IIntegrationsAdmin>();

        var test = await admin.TestAsync("zoho.crm", fixture.Admin);
        var status = Assert.Single(await admin.ListAsync(), s => s.Pack.Namespace == "zoho.crm");

        Assert.True(test.Succeeded, test.Summary);
        Assert.Equal("zoho.crm.getRecords(\"Leads\", 1, 1) returned a list of 1 record(s) (HTTP 200).", test.Summary);
        Assert.Equal(IntegrationBindingState.Bound, status.State);
        Assert.Equal(PortalWebFactory.AdminEmail, status.AdminEmail);
    }

    private async Task SetApiDomainAsync(string apiDomain)
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var connection = await db.Set<Portal.Connections.Data.ConnectionEntity>().SingleAsync(c => c.LinkName == "org_crm");
        var adminId = CrmIntegrationFixture.Id(fixture.Admin);
        var row = await db.Set<Portal.Connections.Data.ConnectionAuthorizationEntity>().SingleAsync(a => a.ConnectionId == connection.Id && a.UserId == adminId);
        Assert.NotNull(row.ApiDomain);
        row.ApiDomain = apiDomain;
        row.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync();
    }
}
