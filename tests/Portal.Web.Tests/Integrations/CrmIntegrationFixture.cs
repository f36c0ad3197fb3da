using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Sandbox;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Integrations;
using Portal.Web.Sandbox;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Integrations;

/// <summary>
/// The portal with its real Sandbox: the admin authorized a shared Sandbox CRM connection as sam and bound zoho.crm to it;
/// bob authorized only a shared Sandbox Echo connection, as riley.
/// </summary>
public sealed class CrmIntegrationFixture : IAsyncLifetime
{
    public const string AdminSandboxAccount = "sam@sandbox.test";
    public const string BobSandboxAccount = "riley@sandbox.test";

    public SandboxPortalWebFactory Factory { get; } = new();

    public ClaimsPrincipal Admin { get; private set; } = new();

    public ClaimsPrincipal Bob { get; private set; } = new();

    public SandboxInstance Sandbox => Factory.Services.GetRequiredService<SandboxHostedService>().Instance
        ?? throw new InvalidOperationException("The embedded Sandbox did not start; see the test output for why.");

    public async Task InitializeAsync()
    {
        Admin = await PrincipalAsync(PortalWebFactory.AdminEmail);
        Bob = await PrincipalAsync("bob@portal.local");
        var connections = Factory.Services.GetRequiredService<IConnectionManager>();
        await CreateAsync(connections, Admin, "org_crm", "sandbox_crm", ["ZohoCRM.modules.ALL"]);
        await CreateAsync(connections, Admin, "echo_shared", "sandbox_echo", ["echo.read"]);
        await SandboxAuthorizer.AuthorizeAsync(Factory, "org_crm", Id(Admin), AdminSandboxAccount);
        await SandboxAuthorizer.AuthorizeAsync(Factory, "echo_shared", Id(Bob), BobSandboxAccount);
        await BindAsync();
    }

    public async Task BindAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var bound = await scope.ServiceProvider.GetRequiredService<IIntegrationsAdmin>().BindAsync("zoho.crm", "org_crm", Admin);
        Assert.True(bound.Succeeded, bound.Error);
    }

    public async Task<FunctionRunRecord> RunAsync(ClaimsPrincipal user, string script, params (string Name, string Value)[] arguments)
    {
        var code = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Integrations", "Scripts", script));
        using var scope = Factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IFunctionRunner>();
        return await runner.RunAsync(
            new FunctionRunRequest
            {
                Code = code,
                Arguments = [.. arguments.Select(a => new FunctionArgument(a.Name, "text"))],
                Values = arguments.ToDictionary(a => a.Name, a => Portal.Scripting.Values.ScriptValue.Text(a.Value)),
            },
            user,
            FunctionRunOrigin.Editor);
    }

    public static string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task CreateAsync(IConnectionManager connections, ClaimsPrincipal owner, string link, string service, string[] scopes)
    {
        var created = await connections.CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = service, Scopes = scopes, Mode = ConnectionMode.LoginUserCredentials },
            ConnectionsUser.From(owner)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
