using Microsoft.EntityFrameworkCore;
using Portal.Web.Mail;
using Portal.Web.Tests.Functions;

namespace Portal.Web.Tests.Mail;

/// <summary>Setup › Mail's service: validation, the encrypted password and the test mail.</summary>
public sealed class MailSetupTests : IDisposable
{
    private const string Canary = "smtp-canary-7Q2v";
    private readonly MailTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task The_smtp_password_is_stored_encrypted_and_never_read_back() // SEC-18, SEC-20
    {
        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "smtp.example.test", Port = 587, UserName = "portal", NewPassword = Canary, DefaultSender = "crm@example.test" }, FunctionTestDatabase.Admin);

        var settings = await bed.Setup.GetAsync(FunctionTestDatabase.Admin);
        await using var db = await bed.Database.Factory.CreateDbContextAsync();
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("mail.")).ToListAsync();

        Assert.True(settings.HasPassword);
        Assert.DoesNotContain(Canary, settings.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain(Canary, r.Value, StringComparison.Ordinal));
        Assert.Equal(Canary, (await bed.Store.GetCredentialsAsync(CancellationToken.None)).Password);
    }

    [Fact]
    public async Task Changing_the_settings_is_audited_without_the_password() // SEC-32
    {
        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "smtp.example.test", Port = 465, Tls = SmtpTlsMode.SslOnConnect, NewPassword = Canary }, FunctionTestDatabase.Admin);

        await using var db = await bed.Database.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == MailAuditActions.SettingsChanged);

        Assert.Equal("admin@test.local", entry.ActorEmail);
        Assert.Equal("SMTP smtp.example.test:465 (SslOnConnect), password changed", entry.Details);
        Assert.DoesNotContain(Canary, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_a_new_password_keeps_the_stored_one_and_clearing_removes_it()
    {
        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "smtp.example.test", UserName = "portal", NewPassword = Canary }, FunctionTestDatabase.Admin);

        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "smtp2.example.test", UserName = "portal" }, FunctionTestDatabase.Admin);
        var kept = await bed.Store.GetCredentialsAsync(CancellationToken.None);
        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "smtp2.example.test", UserName = "portal", ClearPassword = true }, FunctionTestDatabase.Admin);
        var cleared = await bed.Store.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("smtp2.example.test", Canary), (kept.Settings.Host, kept.Password));
        Assert.Null(cleared.Password);
        Assert.False(cleared.Settings.HasPassword);
    }

    [Theory]
    [InlineData("smtp example", 587, "", "is not a host name")]
    [InlineData("smtp.example.test", 70000, "", "Port 70000 is out of range")]
    [InlineData("smtp.example.test", 587, "crm-at-example", "is not an email address")]
    public async Task Invalid_settings_are_refused_with_what_to_fix(string host, int port, string sender, string expected)
    {
        var result = await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = host, Port = port, DefaultSender = sender }, FunctionTestDatabase.Admin);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.False((await bed.Store.GetAsync(CancellationToken.None)).IsConfigured);
    }

    [Fact]
    public async Task Only_admins_read_or_change_the_mail_settings() // SEC-30
    {
        var input = new SmtpSettingsInput { Host = "evil.example.test" };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => bed.Setup.GetAsync(FunctionTestDatabase.Alice));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => bed.Setup.SaveAsync(input, FunctionTestDatabase.Alice));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => bed.Setup.SendTestAsync("a@example.test", FunctionTestDatabase.Bob));
        Assert.False((await bed.Store.GetAsync(CancellationToken.None)).IsConfigured);
    }

    [Fact]
    public async Task The_test_mail_reaches_the_configured_server()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server, sender: "crm@example.test");

        var result = await bed.Setup.SendTestAsync("ada@example.test", FunctionTestDatabase.Admin);

        Assert.True(result.Succeeded, result.Message);
        var received = Assert.Single(server.Received);
        Assert.Equal(["ada@example.test"], received.EnvelopeTo);
        Assert.Equal("Portal test mail", received.Message.Subject);
        Assert.Equal("crm@example.test", received.EnvelopeFrom);
    }

    [Fact]
    public async Task A_failing_test_mail_says_why_and_what_to_check()
    {
        var port = LocalSmtpServer.FreePort();
        await bed.Setup.SaveAsync(new SmtpSettingsInput { Host = "127.0.0.1", Port = port, Tls = SmtpTlsMode.None, DefaultSender = "crm@example.test" }, FunctionTestDatabase.Admin);

        var result = await bed.Setup.SendTestAsync("ada@example.test", FunctionTestDatabase.Admin);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"The test mail was not sent. The mail server 127.0.0.1:{port} could not be reached", result.Message, StringComparison.Ordinal);
    }
}
