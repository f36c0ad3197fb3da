using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Scripting.Mail;
using Portal.Web.Components.Pages.Outbox;
using Portal.Web.Identity;
using Portal.Web.Mail;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Mail;

/// <summary>The Outbox page over the real Outbox service: a list like a mail client's, and one mail opened safely.</summary>
public sealed class OutboxPageTests : PortalComponentTestContext, IDisposable
{
    private readonly MailTestBed bed = new();

    public OutboxPageTests()
    {
        Services.AddSingleton<IOutbox>(bed.Outbox);
        AddAuthorization().SetAuthorized("alice@test.local").SetRoles(Roles.Developer).SetClaims(new Claim(ClaimTypes.NameIdentifier, "alice"));
    }

    void IDisposable.Dispose() => bed.Dispose();

    [Fact]
    public async Task The_list_shows_recipients_subject_time_and_the_sending_run()
    {
        var mailer = bed.MailerFor("alice", "alice@test.local");
        await mailer.SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Deal won", Message = "<p>Won</p>" }, CancellationToken.None);
        await mailer.AttachToRunAsync(7, CancellationToken.None);

        var page = Render<OutboxPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=outbox-item]")));
        Assert.Equal("ada@example.test", page.Find("[data-testid=outbox-to]").TextContent);
        Assert.Equal("Deal won", page.Find("[data-testid=outbox-subject]").TextContent);
        Assert.Equal("2026-03-01 09:00 UTC", page.Find("[data-testid=outbox-when]").TextContent);
        Assert.Equal("unsaved editor code · run #7 · run by alice@test.local", page.Find("[data-testid=outbox-source]").TextContent);
    }

    [Fact]
    public async Task An_opened_html_mail_renders_only_inside_a_sandboxed_iframe()
    {
        await bed.MailerFor("alice", "alice@test.local").SendAsync(
            new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Cc = ["grace@example.test"], Subject = "Report", Message = "<p>Hi</p><script>steal()</script><img src=x onerror=steal()>" },
            CancellationToken.None);
        var id = (await bed.Outbox.ListAsync(FunctionDataPrincipal())).Single().Id;

        var page = Render<OutboxPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=outbox-mail]"));
        var frame = page.Find("[data-testid=outbox-mail-html]");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("<script>steal()</script>", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img[onerror]"));
        var headers = page.Find("[data-testid=outbox-mail-headers]").TextContent;
        Assert.Contains("grace@example.test", headers, StringComparison.Ordinal);
        Assert.Contains(MailTestBed.AdminAddress, headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_mail_is_shown_as_text()
    {
        await bed.MailerFor("alice", "alice@test.local").SendAsync(
            new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Plain", Message = "line one\n<b>not bold</b>", ContentType = "text/plain" },
            CancellationToken.None);
        var id = (await bed.Outbox.ListAsync(FunctionDataPrincipal())).Single().Id;

        var page = Render<OutboxPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Contains("<b>not bold</b>", page.Find("[data-testid=outbox-mail-text]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=outbox-mail-text] b"));
    }

    [Fact]
    public async Task Someone_elses_mail_is_not_shown_even_by_its_address()
    {
        await bed.MailerFor("bob", "bob@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["x@example.test"], Subject = "Bob private", Message = "Hi" }, CancellationToken.None);
        var id = (await bed.Outbox.ListAsync(Functions.FunctionTestDatabase.Bob)).Single().Id;

        var page = Render<OutboxPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Contains("does not exist or belongs to someone else", page.Find("[data-testid=outbox-missing]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Bob private", page.Markup, StringComparison.Ordinal);
    }

    private static ClaimsPrincipal FunctionDataPrincipal() => Functions.FunctionTestDatabase.Alice;
}
