using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.LeastPrivilege;

/// <summary>
/// Issue 15 F4 as the red team ran it: only a function's owner and admins change its code, arguments and visibility, on every
/// route; and a function API key runs only code its enabler approved (SEC-36).
/// </summary>
public sealed class FunctionChangeAttackTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // SEC-36
    [Fact]
    public async Task Alice_cannot_put_her_code_into_the_admins_keyed_report_and_its_key_keeps_running_the_admins_code()
    {
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var report = await FunctionsApiClient.DeployAsync(admin, "return \"admin's report\";");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, report, PortalWebFactory.AdminEmail);
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);

        var put = await alice.PutAsJsonAsync($"/api/v1/functions/{report}", new { code = "return \"alice's code\";", message = "Pushed from report.dg" });
        var badCode = await alice.PutAsJsonAsync($"/api/v1/functions/{report}", new { code = "return (" });
        var visibility = await alice.PutAsJsonAsync($"/api/v1/functions/{report}", new { code = "return \"admin's report\";", visibility = "private" });
        var delete = await alice.DeleteAsync($"/api/v1/functions/{report}");
        using var keyCaller = FunctionsApiClient.WithKey(factory, key);
        var (status, body) = await Attackers.ExecuteAsync(keyCaller, report);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains($"Only the function's owner ({PortalWebFactory.AdminEmail}) and admins can change its code or arguments", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, visibility.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(200, status);
        Assert.Equal("admin's report", body.GetProperty("details").GetProperty("output").GetString());
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{report}");
        Assert.Equal("return \"admin's report\";", current.GetProperty("code").GetString());
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        var refused = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Action: FunctionAuditActions.ChangeRefused, Target: report));
        Assert.Equal(4, refused.Count);
    }

    // SEC-36: the editor opens read-only for a Developer who does not own the function.
    [Fact]
    public async Task The_editor_page_of_the_admins_function_opens_read_only_for_alice()
    {
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var report = await FunctionsApiClient.DeployAsync(admin, "return 1;");
        using var browser = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(browser, FunctionsApiClient.Alice, Portal.Web.Identity.DemoAccounts.Password);

        var page = await browser.GetStringAsync($"/functions/{report}");

        Assert.Contains("data-testid=\"editor-read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"save-function\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"edit-arguments\"", page, StringComparison.Ordinal);
    }

    // SEC-36: an editor run of someone else's function runs the saved code, whatever code the editor sends.
    [Fact]
    public async Task Alice_cannot_run_her_own_code_under_the_admins_function()
    {
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var report = await FunctionsApiClient.DeployAsync(admin, "return \"saved\";");
        var alice = await Attackers.PrincipalAsync(factory, FunctionsApiClient.Alice);
        using var scope = factory.Services.CreateScope();
        var function = (await scope.ServiceProvider.GetRequiredService<IFunctionService>().GetAsync(alice, report))!;

        var run = await scope.ServiceProvider.GetRequiredService<IFunctionRunner>().RunAsync(
            new FunctionRunRequest { FunctionId = function.Id, Code = "return \"alice\";", Arguments = [] }, alice, FunctionRunOrigin.Editor);

        Assert.Equal("\"saved\"", run.ReturnValueJson);
    }

    // SEC-36: the red team's route inverted — the admin edits alice's keyed function, so alice's key stops and says why.
    [Fact]
    public async Task An_admin_editing_alices_keyed_function_disables_her_key_and_tells_her_until_she_approves_it()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var tool = await FunctionsApiClient.DeployAsync(alice, "return \"alice v1\";");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, tool, FunctionsApiClient.Alice);
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        using var keyCaller = FunctionsApiClient.WithKey(factory, key);

        var put = await admin.PutAsJsonAsync($"/api/v1/functions/{tool}", new { code = "return \"admin v2\";" });
        var (status, body) = await Attackers.ExecuteAsync(keyCaller, tool);
        var info = await WithKeyInfoAsync(tool);
        var adminReenable = await FunctionsApiClient.WithKeysAsync(factory, tool, PortalWebFactory.AdminEmail, (keys, user, id) => keys.ReenableAsync(user, id));
        var aliceReenable = await FunctionsApiClient.WithKeysAsync(factory, tool, FunctionsApiClient.Alice, (keys, user, id) => keys.ReenableAsync(user, id));
        var approved = await Attackers.ExecuteAsync(keyCaller, tool);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(403, status);
        Assert.Contains($"because {PortalWebFactory.AdminEmail} changed its code", Attackers.Message(body), StringComparison.Ordinal);
        Assert.Contains($"Ask {FunctionsApiClient.Alice} to review the code and re-enable the key", Attackers.Message(body), StringComparison.Ordinal);
        Assert.True(info!.IsDisabled);
        Assert.Equal(Attackers.Message(body), info.DisabledReason);
        var audit = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Action: FunctionAuditActions.ApiKeyDisabledByChange, Target: tool));
        Assert.Contains($"not by {FunctionsApiClient.Alice}", Assert.Single(audit).Details, StringComparison.Ordinal);
        Assert.False(adminReenable.Succeeded);
        Assert.True(aliceReenable.Succeeded, aliceReenable.Error);
        Assert.Equal(200, approved.Status);
        Assert.Equal("admin v2", approved.Body.GetProperty("details").GetProperty("output").GetString());
    }

    // SEC-36: the enabler's own changes are approved by making them.
    [Fact]
    public async Task Alice_changing_her_own_keyed_function_keeps_her_key_working()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var tool = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, tool, FunctionsApiClient.Alice);
        using var keyCaller = FunctionsApiClient.WithKey(factory, key);

        var put = await alice.PutAsJsonAsync($"/api/v1/functions/{tool}", new { code = "return 2;" });
        var (status, body) = await Attackers.ExecuteAsync(keyCaller, tool);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("details").GetProperty("output").GetInt32());
    }

    // SEC-36: a User, anonymous callers and a locked Developer change nothing either.
    [Fact]
    public async Task Bob_anonymous_callers_and_a_locked_developer_cannot_change_a_function()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var tool = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        using var anonymous = LoginClient.CreateClient(factory);
        await Attackers.EnsureUserAsync(factory, Attackers.Carol, Portal.Web.Identity.Roles.Developer);
        using var carol = await FunctionsApiClient.ForAsync(factory, Attackers.Carol);
        await LockAsync(Attackers.Carol);

        var byBob = await bob.PutAsJsonAsync($"/api/v1/functions/{tool}", new { code = "return 2;" });
        var byAnonymous = await anonymous.PutAsJsonAsync($"/api/v1/functions/{tool}", new { code = "return 2;" });
        var byLocked = await carol.PutAsJsonAsync($"/api/v1/functions/{tool}", new { code = "return 2;" });

        Assert.Equal(HttpStatusCode.Forbidden, byBob.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byLocked.StatusCode);
        Assert.Equal("return 1;", (await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{tool}")).GetProperty("code").GetString());
    }

    private async Task<FunctionApiKeyInfo?> WithKeyInfoAsync(string apiName)
    {
        var admin = await Attackers.PrincipalAsync(factory, PortalWebFactory.AdminEmail);
        using var scope = factory.Services.CreateScope();
        var function = (await scope.ServiceProvider.GetRequiredService<IFunctionService>().GetAsync(admin, apiName))!;
        return await scope.ServiceProvider.GetRequiredService<FunctionApiKeyService>().GetAsync(function.Id);
    }

    private async Task LockAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Web.Data.ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.SetLockoutEnabledAsync(user, true);
        // An admin's lock (Users & Control) lasts until the end of time; a password lockout does not stop tokens (SEC-38).
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
    }
}
