using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.Scripting.Mail;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Mail;

namespace Portal.E2E.Flows;

/// <summary>An Outbox mail read in Chromium: the HTML body shows inside its sandboxed frame and its scripts never run.</summary>
public sealed class OutboxFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_outbox_mail_renders_its_html_in_a_sandboxed_frame_without_running_its_script()
    {
        var mailer = browser.Portal.Services.GetRequiredService<RunMailerFactory>()
            .Create(new RunMailContext("e2e-admin", PortalServer.AdminEmail, null, FunctionRunOrigin.Editor, PortalServer.AdminEmail));
        await mailer.SendAsync(
            new ScriptMail
            {
                From = PortalServer.AdminEmail,
                To = ["ada@example.test"],
                Subject = "Deal won (e2e)",
                Message = "<h2>The Acme deal is won</h2><p>Congratulations.</p><script>window.top.__outboxPwned = 1; document.body.innerHTML = 'pwned';</script>",
            },
            CancellationToken.None);
        var page = await browser.NewPageAsync();
        await page.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);

        await page.GotoAsync("/outbox");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("outbox-item").Filter(new() { HasText = "Deal won (e2e)" }).ClickAsync();
        var body = page.FrameLocator("[data-testid=outbox-mail-html]").Locator("h2");

        await Assertions.Expect(body).ToHaveTextAsync("The Acme deal is won");
        await Assertions.Expect(page.GetByTestId("outbox-mail-subject")).ToHaveTextAsync("Deal won (e2e)");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__outboxPwned === 1"));
        await page.ScreenshotAsync("outbox-mail");
    }
}
