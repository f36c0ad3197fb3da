using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Identity;
using Portal.Web.Mail;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Mail;

/// <summary>Setup › Mail rendered with the real mail services over SQLite.</summary>
public sealed class MailSetupPageTests : PortalComponentTestContext, IDisposable
{
    private readonly MailTestBed bed = new();

    public MailSetupPageTests()
    {
        Services.AddSingleton<IMailSetup>(bed.Setup);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin"));
    }

    void IDisposable.Dispose() => bed.Dispose();

    [Fact]
    public async Task Saving_the_form_stores_the_settings_and_keeps_the_password_out_of_the_page()
    {
        Render<MudSnackbarProvider>();
        var page = Render<MailSetupPage>();
        await page.WaitForAssertionAsync(() => Assert.Contains("mails land in the", page.Find("[data-testid=mail-mode]").TextContent, StringComparison.Ordinal));

        page.Find("input[data-testid=mail-host]").Change("smtp.example.test");
        page.Find("input[data-testid=mail-user]").Change("portal");
        page.Find("input[data-testid=mail-password]").Change("page-canary-pass");
        page.Find("input[data-testid=mail-sender]").Change("crm@example.test");
        await page.InvokeAsync(() => page.Find("[data-testid=mail-save]").Click());

        var saved = await bed.Store.GetCredentialsAsync(CancellationToken.None);
        Assert.Equal(("smtp.example.test", "portal", "crm@example.test", "page-canary-pass"), (saved.Settings.Host, saved.Settings.UserName, saved.Settings.DefaultSender, saved.Password));
        await page.WaitForAssertionAsync(() => Assert.Contains("smtp.example.test:587", page.Find("[data-testid=mail-mode]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("page-canary-pass", page.Markup, StringComparison.Ordinal);
        Assert.Contains("A password is stored (encrypted)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_button_sends_through_the_saved_server_and_shows_the_outcome()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server, sender: "crm@example.test");
        var page = Render<MailSetupPage>();
        await page.WaitForAssertionAsync(() => Assert.False(page.Find("[data-testid=mail-test]").HasAttribute("disabled")));

        await page.InvokeAsync(() => page.Find("[data-testid=mail-test]").Click());

        await page.WaitForAssertionAsync(() => Assert.Contains("was accepted by 127.0.0.1", page.Find("[data-testid=mail-test-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["admin@test.local"], Assert.Single(server.Received).EnvelopeTo);
    }

    [Fact]
    public async Task A_failed_test_mail_shows_the_error_and_what_to_check()
    {
        await bed.Store.SaveAsync(new SmtpSettingsInput { Host = "127.0.0.1", Port = LocalSmtpServer.FreePort(), Tls = SmtpTlsMode.None, DefaultSender = "crm@example.test" }, CancellationToken.None);
        var page = Render<MailSetupPage>();
        await page.WaitForAssertionAsync(() => Assert.False(page.Find("[data-testid=mail-test]").HasAttribute("disabled")));

        await page.InvokeAsync(() => page.Find("[data-testid=mail-test]").Click());

        await page.WaitForAssertionAsync(() =>
        {
            var result = page.Find("[data-testid=mail-test-result]");
            Assert.Contains("The test mail was not sent", result.TextContent, StringComparison.Ordinal);
            Assert.Contains("check host, port and TLS under Setup › Mail", result.TextContent, StringComparison.Ordinal);
            Assert.Contains("mud-alert-text-error", result.OuterHtml, StringComparison.Ordinal);
        });
    }
}
