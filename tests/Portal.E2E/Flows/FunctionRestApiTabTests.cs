using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;

namespace Portal.E2E.Flows;

/// <summary>Issue 10: the function page's REST API tab — URLs, curl, and a key generated once and usable at once.</summary>
public sealed class FunctionRestApiTabTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Alice = "alice@portal.local";
    private const string Password = "Portal-demo-2026";

    [Fact]
    public async Task Alice_generates_an_api_key_on_the_rest_api_tab_and_the_key_executes_the_function()
    {
        await CreateFunctionAsync("Order total", "order_total", "info \"order \" + order_id;\nreturn order_id * 2;");
        var page = await browser.NewPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/functions/order_total");
        await page.WaitForInteractiveAsync();

        // Tall enough that the whole tab fits without scrolling under the fixed app bar.
        await page.SetViewportSizeAsync(1366, 1280);
        await page.GetByRole(AriaRole.Tab, new() { Name = "REST API" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-url-text")).ToHaveTextAsync($"{browser.Portal.BaseUrl}/api/v1/functions/order_total/actions/execute");
        await Assertions.Expect(page.GetByTestId("curl-token-text")).ToContainTextAsync("\"order_id\":1");
        await page.GetByTestId("api-key-generate").ClickAsync();
        var key = await page.GetByTestId("api-key-value-text").TextContentAsync();
        await page.ScreenshotAsync("functions-rest-api-01-key-shown-once");
        await page.GetByTestId("api-key-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-key-status")).ToContainTextAsync($"enabled by {Alice}");
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync("functions-rest-api-02-tab");
        await page.GetByTestId("visibility-menu").Locator("button").ClickAsync();
        await page.GetByTestId("visibility-private").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visibility-menu").Locator("button")).ToContainTextAsync("Private");
        await page.GetByTestId("visibility-menu").Locator("button").ClickAsync();
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync("functions-rest-api-03-visibility");
        await page.Keyboard.PressAsync("Escape");

        using var http = new HttpClient { BaseAddress = new Uri(browser.Portal.BaseUrl) };
        using var response = await http.GetAsync($"/api/v1/functions/order_total/actions/execute?order_id=21&zapikey={Uri.EscapeDataString(key!)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"output\":42", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith(FunctionApiKeyService.KeyPrefix, key, StringComparison.Ordinal);
    }

    private async Task CreateFunctionAsync(string name, string apiName, string code)
    {
        using var scope = browser.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByEmailAsync(Alice))!);
        var result = await scope.ServiceProvider.GetRequiredService<IFunctionService>().CreateAsync(principal, new FunctionDraft(name, apiName, "Doubles an order id", [new("order_id", "number")], code));
        Assert.True(result.Succeeded, result.Error);
    }
}
