using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionRestApiTabTests : PortalComponentTestContext
{
    private readonly FunctionTestDatabase database = new();
    private readonly FunctionDetails function;

    public FunctionRestApiTabTests()
    {
        Services.AddSingleton(new FunctionApiKeyService(database.Factory, database.Audit, database.Time));
        Services.AddOptions();
        using (var db = database.Factory.CreateDbContext())
        {
            db.Users.Add(new ApplicationUser { Id = "alice", UserName = "alice@test.local", Email = "alice@test.local" });
            db.SaveChanges();
        }

        var service = new FunctionService(database.Factory, database.Audit, database.Time);
        function = service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Sum", "sum", null, [new("a", "number"), new("label", "text")], "return a;")).GetAwaiter().GetResult().Function!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public void Both_urls_and_the_curl_examples_are_absolute_on_the_portal_address()
    {
        var tab = RenderTab(FunctionTestDatabase.Alice);

        Assert.Equal("http://localhost/api/v1/functions/sum/actions/execute", tab.Find("[data-testid=token-url-text]").TextContent);
        Assert.Equal("http://localhost/api/v1/functions/sum/actions/execute?zapikey=YOUR_API_KEY", tab.Find("[data-testid=key-url-text]").TextContent);
        var curl = tab.Find("[data-testid=curl-token-text]").TextContent;
        Assert.StartsWith("curl -X POST 'http://localhost/api/v1/functions/sum/actions/execute'", curl, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer YOUR_PERSONAL_ACCESS_TOKEN", curl, StringComparison.Ordinal);
        Assert.Contains("""{"arguments":{"a":1,"label":"text"}}""", curl, StringComparison.Ordinal);
        Assert.Contains("X-Portal-Api-Key: YOUR_API_KEY", tab.Find("[data-testid=curl-key-text]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_public_url_is_used_behind_a_proxy()
    {
        Services.Configure<PortalOptions>(o => o.PublicUrl = "https://portal.example.com/");

        var tab = RenderTab(FunctionTestDatabase.Alice);

        Assert.Equal("https://portal.example.com/api/v1/functions/sum/actions/execute", tab.Find("[data-testid=token-url-text]").TextContent);
    }

    [Fact]
    public void Copy_buttons_put_the_text_on_the_clipboard()
    {
        var tab = RenderTab(FunctionTestDatabase.Alice);

        tab.Find("[data-testid=curl-token-copy]").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(tab.Find("[data-testid=curl-token-text]").TextContent, call.Arguments[0]);
    }

    // SEC-21
    [Fact]
    public async Task Generating_shows_the_key_once_in_a_dialog_and_afterwards_only_who_enabled_it()
    {
        var host = RenderDialogHost();
        var tab = RenderTab(FunctionTestDatabase.Alice);

        tab.Find("[data-testid=api-key-generate]").Click();

        var key = (await host.WaitForElementAsync("[data-testid=api-key-value-text]")).TextContent;
        Assert.StartsWith(FunctionApiKeyService.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(FunctionApiKeyService.Hash(key), await StoredHashAsync());
        host.Find("[data-testid=api-key-done]").Click();
        await host.WaitForAssertionAsync(() => Assert.Empty(host.FindAll("[data-testid=api-key-value-text]")));
        var status = tab.Find("[data-testid=api-key-status]").TextContent;
        Assert.Contains("enabled by alice@test.local", status, StringComparison.Ordinal);
        Assert.Contains("run as alice@test.local", status, StringComparison.Ordinal);
        Assert.Contains(key[..12], status, StringComparison.Ordinal);
        Assert.DoesNotContain(key, tab.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerate_asks_first_then_replaces_the_key()
    {
        var host = RenderDialogHost();
        var tab = RenderTab(FunctionTestDatabase.Alice);
        tab.Find("[data-testid=api-key-generate]").Click();
        var first = (await host.WaitForElementAsync("[data-testid=api-key-value-text]")).TextContent;
        host.Find("[data-testid=api-key-done]").Click();

        tab.Find("[data-testid=api-key-regenerate]").Click();
        await host.WaitForAssertionAsync(() => Assert.Contains("stops working at once", host.Markup, StringComparison.Ordinal));
        host.FindAll("button").Last(b => b.TextContent.Trim() == "Regenerate").Click();

        var second = (await host.WaitForElementAsync("[data-testid=api-key-value-text]")).TextContent;
        Assert.NotEqual(first, second);
        Assert.Equal(FunctionApiKeyService.Hash(second), await StoredHashAsync());
    }

    [Fact]
    public async Task Disable_asks_first_then_removes_the_key()
    {
        var host = RenderDialogHost();
        var tab = RenderTab(FunctionTestDatabase.Alice);
        tab.Find("[data-testid=api-key-generate]").Click();
        (await host.WaitForElementAsync("[data-testid=api-key-done]")).Click();

        tab.Find("[data-testid=api-key-disable]").Click();
        await host.WaitForAssertionAsync(() => Assert.Contains("refused (401)", host.Markup, StringComparison.Ordinal));
        host.FindAll("button").Last(b => b.TextContent.Trim() == "Disable").Click();

        await tab.WaitForAssertionAsync(() => Assert.Contains("No API key", tab.Find("[data-testid=api-key-status]").TextContent, StringComparison.Ordinal));
        Assert.Null(await StoredHashAsync());
        Assert.NotEmpty(tab.FindAll("[data-testid=api-key-generate]"));
    }

    [Theory]
    [InlineData(Roles.User)]
    [InlineData(Roles.Developer)]
    public void People_who_do_not_own_the_function_see_the_urls_but_cannot_manage_its_key(string role)
    {
        var tab = RenderTab(FunctionTestDatabase.User("dave", "dave@test.local", role));

        Assert.NotEmpty(tab.FindAll("[data-testid=token-url-text]"));
        Assert.NotEmpty(tab.FindAll("[data-testid=api-key-readonly]"));
        Assert.Empty(tab.FindAll("[data-testid=api-key-generate]"));
    }

    private IRenderedComponent<FunctionRestApiTab> RenderTab(System.Security.Claims.ClaimsPrincipal user) =>
        Render<FunctionRestApiTab>(p => p.Add(x => x.Function, function).Add(x => x.User, user));

    private async Task<string?> StoredHashAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Functions.Where(f => f.Id == function.Id).Select(f => f.ApiKeyHash).SingleAsync();
    }
}
