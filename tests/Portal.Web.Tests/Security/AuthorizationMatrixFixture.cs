using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>One portal for the whole matrix, with signed-in cookie clients, tokens and alice's private resources.</summary>
public sealed partial class AuthorizationMatrixFixture : IAsyncLifetime
{
    public const string AliceEmail = "alice@portal.local";
    public const string BobEmail = "bob@portal.local";
    public const string DemoPassword = "Portal-demo-2026";

    /// <summary>Text only alice's own views may show (the run marker is built at run time, so the shared code does not contain it).</summary>
    public const string AlicesConnectionName = "Alice Ledger Vault 7Q";
    public const string AlicesRunMarker = "alice-run-output-5XK";

    private readonly Dictionary<MatrixCaller, HttpClient> cookieClients = [];
    private readonly Dictionary<MatrixCaller, HttpClient> tokenClients = [];
    private readonly Dictionary<MatrixCaller, string> antiforgeryTokens = [];

    public PortalWebFactory Factory { get; } = new();

    public int AlicesFunctionId { get; private set; }

    public HttpClient Cookie(MatrixCaller caller) => cookieClients[caller];

    public HttpClient Token(MatrixCaller caller) => tokenClients[caller];

    public string Antiforgery(MatrixCaller caller) => antiforgeryTokens[caller];

    public async Task InitializeAsync()
    {
        var admin = await PrincipalAsync(PortalWebFactory.AdminEmail);
        var configured = await Factory.Services.GetRequiredService<IServiceCatalog>().ConfigureDefaultAsync(
            "github", new DefaultServiceSettings { ClientId = "matrix-client", ClientSecret = "matrix-secret" }, admin.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Assert.True(configured.Succeeded);

        await AddCallerAsync(MatrixCaller.Anonymous, null, null);
        await AddCallerAsync(MatrixCaller.User, BobEmail, DemoPassword);
        await AddCallerAsync(MatrixCaller.Developer, AliceEmail, DemoPassword);
        await AddCallerAsync(MatrixCaller.Admin, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);
        await SeedAlicesResourcesAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var client in cookieClients.Values.Concat(tokenClients.Values))
        {
            client.Dispose();
        }

        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task AddCallerAsync(MatrixCaller caller, string? email, string? password)
    {
        var cookie = LoginClient.CreateClient(Factory);
        var token = LoginClient.CreateClient(Factory);
        if (email is not null)
        {
            var login = await LoginClient.PostLoginAsync(cookie, email, password!);
            Assert.Equal("/", new Uri(new Uri("http://localhost"), login.Headers.Location!).AbsolutePath);
            using var scope = Factory.Services.CreateScope();
            var userId = (await PrincipalAsync(email)).FindFirstValue(ClaimTypes.NameIdentifier)!;
            var pat = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(userId, "matrix");
            token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat.Token);
        }

        // A signed-in user's token comes from a form page of their own; the anonymous one from the login form.
        var formPage = await cookie.GetStringAsync(email is null ? "/Account/Login" : "/Account/Manage/ChangePassword");
        antiforgeryTokens[caller] = AntiforgeryToken().Match(formPage).Groups[1].Value;
        Assert.NotEmpty(antiforgeryTokens[caller]);
        cookieClients[caller] = cookie;
        tokenClients[caller] = token;
    }

    private async Task SeedAlicesResourcesAsync()
    {
        var alice = await PrincipalAsync(AliceEmail);
        var created = await Factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = AlicesConnectionName, LinkName = AuthorizationMatrix.AlicesLink, ServiceId = "github", Scopes = ["repo"] },
            ConnectionsUser.From(alice)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));

        using var scope = Factory.Services.CreateScope();
        var function = await scope.ServiceProvider.GetRequiredService<IFunctionService>().CreateAsync(
            alice, new FunctionDraft("Alice ledger", AuthorizationMatrix.AlicesFunction, null, [], "m = \"alice-run-\" + \"output-5XK\";\ninfo m;\nreturn m;"));
        Assert.True(function.Succeeded, function.Error);
        AlicesFunctionId = function.Function!.Id;
        var run = await scope.ServiceProvider.GetRequiredService<IFunctionRunner>().RunAsync(
            new FunctionRunRequest { FunctionId = AlicesFunctionId }, alice, FunctionRunOrigin.Editor);
        Assert.Null(run.ErrorMessage);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
