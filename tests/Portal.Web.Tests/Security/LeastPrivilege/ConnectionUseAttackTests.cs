using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Audit;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.LeastPrivilege;

/// <summary>
/// Issue 15 F1 as the red team ran it, over HTTP against the portal and the real Sandbox Cloud: a private connection is no
/// longer usable by anyone who knows its link name (SEC-33).
/// </summary>
public sealed class ConnectionUseAttackTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    private string Spreadsheets => $"{factory.SandboxUrl}/api/sheets/v1/spreadsheets";

    // SEC-33
    [Fact]
    public async Task Alice_cannot_read_the_admins_sheets_through_his_owner_mode_connection_and_the_sandbox_receives_nothing()
    {
        await AdminSheetsAsync("admin_sheets_f1");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var probe = await alice.GetAsync("/api/v1/connections/admin_sheets_f1");
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_f1" ];
            return r;
            """);

        var (status, body) = await Attackers.ExecuteAsync(alice, apiName);

        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Equal(400, status);
        Assert.StartsWith("Connection 'admin_sheets_f1' cannot be used here.", Attackers.Message(body), StringComparison.Ordinal);
        Assert.Contains("the connection's owner or an admin", Attackers.Message(body), StringComparison.Ordinal);
        Assert.DoesNotContain("spreadsheets", body.GetRawText(), StringComparison.Ordinal);
        var run = await Attackers.LastRunAsync(factory, apiName);
        Assert.DoesNotContain(run.HttpTrace, t => t.StatusCode != 0);
    }

    // SEC-33
    [Fact]
    public async Task A_missing_link_name_gets_exactly_the_same_answer_so_link_names_are_no_oracle()
    {
        await AdminSheetsAsync("admin_sheets_oracle");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            out = List();
            try { r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_oracle" ]; } catch (e) { out.add(e); }
            try { r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "no_such_sheets_xx" ]; } catch (e) { out.add(e); }
            try { r = invokeUrl [ url: "https://elsewhere.example.org/" type: GET connection: "admin_sheets_oracle" ]; } catch (e) { out.add(e); }
            return out;
            """);

        var (status, body) = await Attackers.ExecuteAsync(alice, apiName);

        Assert.Equal(200, status);
        var errors = body.GetProperty("details").GetProperty("output").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(errors[0], errors[1].Replace("no_such_sheets_xx", "admin_sheets_oracle", StringComparison.Ordinal));
        Assert.Equal(errors[0], errors[2]);
        Assert.DoesNotContain(factory.SandboxUrl, errors[2], StringComparison.Ordinal);
    }

    // SEC-33
    [Fact]
    public async Task Once_the_admin_grants_alice_use_her_function_works_and_taking_it_back_stops_the_next_run()
    {
        await AdminSheetsAsync("admin_sheets_grant");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_grant" ];
            return r.get("spreadsheets").size() > 0;
            """);

        await Attackers.GrantAsync(factory, "admin_sheets_grant", FunctionsApiClient.Alice);
        var granted = await Attackers.ExecuteAsync(alice, apiName);
        var aliceId = await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Alice);
        Assert.True(await factory.Services.GetRequiredService<IConnectionUseGrants>()
            .RevokeAsync("admin_sheets_grant", aliceId, await Attackers.ConnectionsUserAsync(factory, PortalWebFactory.AdminEmail)));
        var revoked = await Attackers.ExecuteAsync(alice, apiName);

        Assert.Equal(200, granted.Status);
        Assert.True(granted.Body.GetProperty("details").GetProperty("output").GetBoolean());
        Assert.Equal(400, revoked.Status);
        Assert.StartsWith("Connection 'admin_sheets_grant' cannot be used here.", Attackers.Message(revoked.Body), StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Target: "admin_sheets_grant"));
        Assert.Contains(audit, e => e.Action == "connection.use_granted");
        Assert.Contains(audit, e => e.Action == "connection.use_revoked");
    }

    // SEC-33: the grant covers the grantee's code, not code someone without it changed last.
    [Fact]
    public async Task A_granted_function_last_changed_by_an_admin_without_the_grant_is_refused()
    {
        await AdminSheetsAsync("admin_sheets_editor");
        await Attackers.GrantAsync(factory, "admin_sheets_editor", FunctionsApiClient.Alice);
        await Attackers.EnsureUserAsync(factory, Attackers.SecondAdmin, Roles.Admin);
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_editor" ];
            return r.get("spreadsheets").size();
            """);
        using var root2 = await FunctionsApiClient.ForAsync(factory, Attackers.SecondAdmin);
        var put = await root2.PutAsJsonAsync($"/api/v1/functions/{apiName}", new
        {
            code = $$"""
                r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_editor" ];
                return r;
                """,
        });

        var (status, body) = await Attackers.ExecuteAsync(alice, apiName);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(400, status);
        Assert.Contains("code last changed by root2@portal.local", Attackers.Message(body), StringComparison.Ordinal);
    }

    // SEC-33: code of someone without the grant that a granted function calls joins the run and the connection is refused.
    [Fact]
    public async Task A_helper_written_by_carol_cannot_ride_on_the_admins_own_function()
    {
        await AdminSheetsAsync("admin_sheets_helper");
        await Attackers.EnsureUserAsync(factory, Attackers.Carol, Roles.Developer);
        using var carol = await FunctionsApiClient.ForAsync(factory, Attackers.Carol);
        var helper = await FunctionsApiClient.DeployAsync(carol, $$"""
            r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_helper" ];
            return r;
            """);
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var report = await FunctionsApiClient.DeployAsync(admin, $"return standalone.{helper}();");

        var (status, body) = await Attackers.ExecuteAsync(admin, report);

        Assert.Equal(400, status);
        Assert.Contains($"function {helper} (owner {Attackers.Carol}", Attackers.Message(body), StringComparison.Ordinal);
        Assert.DoesNotContain(body.GetRawText(), "spreadsheets\":", StringComparison.Ordinal);
    }

    // SEC-33: the owner's own shared function is what the connection is for; Bob (a User) runs it with the owner's account.
    [Fact]
    public async Task Bob_runs_the_admins_shared_function_that_uses_the_admins_connection()
    {
        await AdminSheetsAsync("admin_sheets_shared_fn");
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var report = await FunctionsApiClient.DeployAsync(admin, $$"""
            r = invokeUrl [ url: "{{Spreadsheets}}" type: GET connection: "admin_sheets_shared_fn" ];
            return r.get("spreadsheets").size() > 0;
            """);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);

        var (status, body) = await Attackers.ExecuteAsync(bob, report);

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("details").GetProperty("output").GetBoolean());
    }

    // SEC-33: integration tasks given a connection name follow the same rule, with the same answer for a missing name.
    [Fact]
    public async Task An_integration_task_given_the_admins_connection_name_is_refused_like_a_missing_one()
    {
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, "admin_crm_f1", "sandbox_crm");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, """
            out = List();
            try { r = zoho.crm.getRecords("Leads", 1, 10, Map(), "admin_crm_f1"); } catch (e) { out.add(e); }
            try { r = zoho.crm.getRecords("Leads", 1, 10, Map(), "no_such_crm_xx"); } catch (e) { out.add(e); }
            return out;
            """);

        var (status, body) = await Attackers.ExecuteAsync(alice, apiName);

        Assert.Equal(200, status);
        var errors = body.GetProperty("details").GetProperty("output").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("Connection 'admin_crm_f1' cannot be used here.", errors[0], StringComparison.Ordinal);
        Assert.Equal(errors[0], errors[1].Replace("no_such_crm_xx", "admin_crm_f1", StringComparison.Ordinal));
    }

    // SEC-33: creating a connection under a taken link name says it is not available, never whose it is.
    [Fact]
    public async Task A_taken_link_name_is_refused_without_saying_whose_it_is()
    {
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, "admin_private_name", "sandbox_echo");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);

        var response = await alice.PostAsJsonAsync("/api/v1/connections", new { name = "Mine", linkName = "admin_private_name", serviceId = "sandbox_weather" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not available", text, StringComparison.Ordinal);
        Assert.DoesNotContain("another connection", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox_echo", text, StringComparison.Ordinal);
    }

    // SEC-33: only the owner and admins manage the list; a Developer cannot grant herself someone else's connection.
    [Fact]
    public async Task Alice_cannot_grant_herself_use_of_the_admins_connection()
    {
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, "admin_no_self_grant", "sandbox_echo");
        var aliceId = await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Alice);
        var grants = factory.Services.GetRequiredService<IConnectionUseGrants>();
        var alice = await Attackers.ConnectionsUserAsync(factory, FunctionsApiClient.Alice);

        var error = await Assert.ThrowsAsync<Portal.Connections.ConnectionsException>(() => grants.GrantAsync("admin_no_self_grant", aliceId, alice));

        Assert.Equal(Portal.Connections.ConnectionsErrorKind.NotFound, error.Kind);
        Assert.Null(await grants.ListAsync("admin_no_self_grant", alice));
    }

    private async Task AdminSheetsAsync(string link)
    {
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, link, "sandbox_sheets", ConnectionMode.OwnerCredentials, ["sheets.read"]);
        await SandboxAuthorizer.AuthorizeAsync(factory, link, await FunctionsApiClient.UserIdAsync(factory, PortalWebFactory.AdminEmail), "sam@sandbox.test");
    }
}
