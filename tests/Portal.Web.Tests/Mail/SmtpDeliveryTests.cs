using System.Text;
using Portal.Scripting;
using Portal.Scripting.Mail;
using Portal.Web.Mail;

namespace Portal.Web.Tests.Mail;

/// <summary>sendmail through MailKit to a real SMTP server on 127.0.0.1.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly MailTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_mail_from_zoho_adminuserid_is_delivered_from_the_configured_default_sender_with_its_html_body()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server, sender: "crm@example.test");

        var receipt = await bed.MailerFor("alice", "alice@test.local").SendAsync(
            new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Cc = ["grace@example.test"], ReplyTo = "alice@test.local", Subject = "Deal won", Message = "<p>The <b>Acme</b> deal is won.</p>" },
            CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.Equal("crm@example.test", received.EnvelopeFrom);
        Assert.Equal(["ada@example.test", "grace@example.test"], received.EnvelopeTo);
        Assert.Equal("Deal won", received.Message.Subject);
        Assert.Equal("crm@example.test", received.Message.From.Mailboxes.Single().Address);
        Assert.Equal("alice@test.local", received.Message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("<p>The <b>Acme</b> deal is won.</p>", received.Message.HtmlBody);
        Assert.Equal(MailChannels.Smtp, receipt.Channel);
        Assert.Equal(["ada@example.test", "grace@example.test"], receipt.To);
        Assert.True(receipt.SizeBytes > 100);
    }

    [Fact]
    public async Task A_plain_text_mail_with_an_attachment_arrives_as_multipart_mime()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server);

        await bed.MailerFor("alice", "alice@test.local").SendAsync(
            new ScriptMail
            {
                From = "alice@test.local",
                To = ["ada@example.test"],
                Subject = "Report",
                Message = "See the attached CSV.",
                ContentType = "text/plain",
                Attachments = [new ScriptMailAttachment("leads.csv", "text/csv", Encoding.UTF8.GetBytes("Last_Name\nLovelace\n"))],
            },
            CancellationToken.None);

        var message = Assert.Single(server.Received).Message;
        Assert.Equal("alice@test.local", message.From.Mailboxes.Single().Address);
        Assert.Equal("See the attached CSV.", message.TextBody?.Trim());
        Assert.Null(message.HtmlBody);
        var attachment = Assert.IsAssignableFrom<MimeKit.MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("leads.csv", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal("Last_Name\nLovelace\n", Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task The_mailer_logs_in_with_the_stored_user_and_password()
    {
        await using var server = LocalSmtpServer.Start(user: "portal", password: "smtp-canary-pass");
        await bed.UseSmtpAsync(server, user: "portal", password: "smtp-canary-pass");

        await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None);

        Assert.Equal("portal", Assert.Single(server.Received).AuthenticatedUser);
    }

    [Fact]
    public async Task A_wrong_password_is_an_error_that_points_the_admin_to_setup()
    {
        await using var server = LocalSmtpServer.Start(user: "portal", password: "right");
        await bed.UseSmtpAsync(server, user: "portal", password: "wrong");

        var error = await Assert.ThrowsAsync<ScriptHostException>(async () =>
            await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None));

        Assert.Contains("refused the user name or password", error.Message, StringComparison.Ordinal);
        Assert.Contains("Setup › Mail", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_script_error_naming_the_address()
    {
        await using var server = LocalSmtpServer.Start(refusedRecipients: "nobody@example.test");
        await bed.UseSmtpAsync(server);

        var error = await Assert.ThrowsAsync<ScriptHostException>(async () =>
            await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["nobody@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None));

        Assert.StartsWith("The mail server refused the recipient 'nobody@example.test'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_is_not_one_fails_before_anything_is_sent()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server);

        var error = await Assert.ThrowsAsync<ScriptHostException>(async () =>
            await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["not an address"], Subject = "Hi", Message = "Hi" }, CancellationToken.None));

        Assert.Equal("sendmail to: 'not an address' is not an email address. Give an address like name@example.com.", error.Message);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_an_error_that_names_it()
    {
        var port = LocalSmtpServer.FreePort();
        await bed.Store.SaveAsync(new SmtpSettingsInput { Host = "127.0.0.1", Port = port, Tls = SmtpTlsMode.None, DefaultSender = "crm@example.test" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ScriptHostException>(async () =>
            await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None));

        Assert.StartsWith($"The mail server 127.0.0.1:{port} could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("check host, port and TLS under Setup › Mail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_against_a_server_without_it_is_refused_instead_of_sending_in_the_clear()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.Store.SaveAsync(new SmtpSettingsInput { Host = "127.0.0.1", Port = server.Port, Tls = SmtpTlsMode.StartTls, DefaultSender = "crm@example.test" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ScriptHostException>(async () =>
            await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{server.Port}", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }
}
