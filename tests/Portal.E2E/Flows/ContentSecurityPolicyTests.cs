using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>The main pages work with the portal's CSP enforced and the browser reports no violation (SEC-31).</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    // SEC-31
    [Fact]
    public async Task Main_pages_and_the_editor_run_with_zero_csp_violations()
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var consoleViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                consoleViolations.Add(message.Text);
            }
        };

        var violations = new List<string>();
        await page.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        foreach (var path in new[] { "/", "/connections", "/connections/new", "/functions", "/admin/users", "/admin/audit", "/admin/services", "/settings/tokens" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.WaitForTimeoutAsync(400);
            violations.AddRange(await page.EvaluateAsync<string[]>("window.__csp"));
        }

        await page.GotoAsync("/functions");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("new-function").ClickAsync();
        await page.GetByTestId("new-function-name").FillAsync("Csp check");
        await page.GetByTestId("new-function-submit").ClickAsync();
        await page.WaitForURLAsync("**/functions/csp_check");
        await page.Locator(".monaco-editor").First.WaitForAsync();
        await page.GetByTestId("run-button").ClickAsync();
        await page.WaitForTimeoutAsync(800);
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__csp"));

        Assert.Empty(violations);
        Assert.Empty(consoleViolations);
    }
}
