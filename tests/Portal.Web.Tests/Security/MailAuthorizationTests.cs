using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Scripting.Mail;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Mail;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>Setup › Mail and the Outbox seen from the people who must not see more: bob (User) and alice (Developer).</summary>
public sealed class MailAuthorizationTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string PasswordCanary = "smtp-pass-canary-9Rk";
    private const string AlicesSubject = "Alice quarterly numbers 4TQ";

    // SEC-30, SEC-20
    [Theory]
    [InlineData(MatrixCaller.User)]
    [InlineData(MatrixCaller.Developer)]
    public async Task Only_admins_reach_the_mail_settings_and_no_page_shows_the_smtp_password(MatrixCaller caller)
    {
        await ConfigureSmtpAsync();

        using var denied = await fixture.Cookie(caller).GetAsync("/admin/mail");
        var pages = new List<string>();
        foreach (var entry in AuthorizationMatrix.Entries.Where(e => e.Page && !e.Sample.StartsWith("/Account", StringComparison.Ordinal)))
        {
            using var response = await fixture.Cookie(caller).GetAsync(entry.Sample);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.All(pages, page => Assert.DoesNotContain(PasswordCanary, page, StringComparison.Ordinal));
        Assert.All(pages, page => Assert.DoesNotContain("smtp.matrix.test", page, StringComparison.Ordinal));
    }

    // SEC-20
    [Fact]
    public async Task The_admins_mail_page_shows_the_settings_but_not_the_stored_password()
    {
        await ConfigureSmtpAsync();

        var page = await fixture.Cookie(MatrixCaller.Admin).GetStringAsync("/admin/mail");

        Assert.Contains("smtp.matrix.test", page, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordCanary, page, StringComparison.Ordinal);
    }

    // SEC-30
    [Fact]
    public async Task Bob_neither_lists_nor_opens_the_outbox_mail_of_alices_run_while_the_admin_does()
    {
        var id = await AlicesOutboxMailAsync();

        var bobsList = await fixture.Cookie(MatrixCaller.User).GetStringAsync("/outbox");
        var bobsOpen = await fixture.Cookie(MatrixCaller.User).GetStringAsync($"/outbox/{id}");
        var alicesOpen = await fixture.Cookie(MatrixCaller.Developer).GetStringAsync($"/outbox/{id}");
        var adminsList = await fixture.Cookie(MatrixCaller.Admin).GetStringAsync("/outbox");

        Assert.DoesNotContain(AlicesSubject, bobsList, StringComparison.Ordinal);
        Assert.DoesNotContain(AlicesSubject, bobsOpen, StringComparison.Ordinal);
        Assert.Contains("does not exist or belongs to someone else", bobsOpen, StringComparison.Ordinal);
        Assert.Contains(AlicesSubject, alicesOpen, StringComparison.Ordinal);
        Assert.Contains(AlicesSubject, adminsList, StringComparison.Ordinal);
    }

    private async Task ConfigureSmtpAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<IMailSetup>().SaveAsync(
            new SmtpSettingsInput { Host = "smtp.matrix.test", Port = 2525, UserName = "matrix", NewPassword = PasswordCanary, DefaultSender = "crm@matrix.test" },
            await fixture.PrincipalAsync(PortalWebFactory.AdminEmail));
        Assert.True(saved.Succeeded, saved.Message);
    }

    private async Task<long> AlicesOutboxMailAsync()
    {
        var alice = await fixture.PrincipalAsync(AuthorizationMatrixFixture.AliceEmail);
        var mailer = fixture.Factory.Services.GetRequiredService<RunMailerFactory>()
            .Create(new RunMailContext(FunctionPermissions.UserId(alice), AuthorizationMatrixFixture.AliceEmail, null, FunctionRunOrigin.Editor, PortalWebFactory.AdminEmail));

        // Mails go to the Outbox only while no SMTP host is set; this class's other tests set one on the same portal.
        using var scope = fixture.Factory.Services.CreateScope();
        var store = fixture.Factory.Services.GetRequiredService<SmtpSettingsStore>();
        await store.SaveAsync(new SmtpSettingsInput(), CancellationToken.None);
        await mailer.SendAsync(new ScriptMail { From = PortalWebFactory.AdminEmail, To = ["cfo@example.test"], Subject = AlicesSubject, Message = "<p>numbers</p>" }, CancellationToken.None);
        var listed = await scope.ServiceProvider.GetRequiredService<IOutbox>().ListAsync(alice);
        return listed.Single(m => m.Subject == AlicesSubject).Id;
    }
}
