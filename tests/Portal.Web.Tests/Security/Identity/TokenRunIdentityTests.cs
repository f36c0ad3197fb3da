using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Functions;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;

namespace Portal.Web.Tests.Security.Identity;

public sealed class TokenRunIdentityTests(LoopbackPortalWebFactory factory) : IClassFixture<LoopbackPortalWebFactory>
{
    // SEC-38 (L5): runs through a personal access token used to have an empty email in history and audit, and zoho.loginuser "".
    [Fact]
    public async Task A_run_through_a_personal_access_token_knows_the_users_email_in_the_script_history_and_audit()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var developer = await factory.CreateTokenClientAsync(email);
        var apiName = await FunctionsApiClient.DeployAsync(developer, "return zoho.loginuser;");

        var response = await developer.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var runs = await developer.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs");
        var audit = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(email, FunctionAuditActions.Run, null, null, null), limit: 10);

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, json.GetProperty("details").GetProperty("output").GetString());
        Assert.Equal(email, Assert.Single(runs.GetProperty("runs").EnumerateArray()).GetProperty("user_email").GetString());
        Assert.Equal(email, Assert.Single(audit).ActorEmail);
    }
}
