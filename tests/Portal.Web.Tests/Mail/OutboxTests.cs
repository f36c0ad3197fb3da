using Microsoft.EntityFrameworkCore;
using Portal.Scripting.Mail;
using Portal.Web.Functions;
using Portal.Web.Mail;
using Portal.Web.Tests.Functions;

namespace Portal.Web.Tests.Mail;

/// <summary>With no SMTP server configured (the offline default) mails land in the Outbox.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly MailTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Without_smtp_a_mail_lands_in_the_outbox_with_its_headers_and_body()
    {
        var function = await new FunctionService(bed.Database.Factory, bed.Database.Audit, bed.Database.Time)
            .CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("notify_owner", "notify_owner", null, [], "return 1;"));

        var receipt = await bed.MailerFor("alice", "alice@test.local", function.Function!.Id).SendAsync(
            new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Bcc = ["audit@example.test"], Subject = "Deal won", Message = "<p>Won</p><script>alert(1)</script>" },
            CancellationToken.None);

        Assert.Equal(MailChannels.Outbox, receipt.Channel);
        var listed = Assert.Single(await bed.Outbox.ListAsync(FunctionTestDatabase.Alice));
        Assert.Equal("ada@example.test, audit@example.test", listed.Recipients);
        Assert.Equal("Deal won", listed.Subject);
        Assert.Equal("notify_owner", listed.FunctionName);
        Assert.Equal(bed.Database.Time.GetUtcNow(), listed.CreatedAt);
        Assert.Equal(receipt.SizeBytes, listed.SizeBytes);
        var opened = await bed.Outbox.GetAsync(listed.Id, FunctionTestDatabase.Alice);
        Assert.NotNull(opened);
        Assert.Equal(MailTestBed.AdminAddress, opened.From);
        Assert.Equal(["ada@example.test"], opened.To);
        Assert.Equal(["audit@example.test"], opened.Bcc);
        Assert.Equal("<p>Won</p><script>alert(1)</script>", opened.HtmlBody?.TrimEnd());
        Assert.Contains(opened.Headers, h => h.Key == "Subject" && h.Value == "Deal won");
    }

    [Fact]
    public async Task The_default_sender_replaces_the_admin_address_in_the_outbox_too()
    {
        await bed.Store.SaveAsync(new SmtpSettingsInput { Host = "", DefaultSender = "crm@example.test" }, CancellationToken.None);

        await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None);

        var listed = Assert.Single(await bed.Outbox.ListAsync(FunctionTestDatabase.Admin));
        Assert.Equal("crm@example.test", (await bed.Outbox.GetAsync(listed.Id, FunctionTestDatabase.Admin))!.From);
    }

    [Fact]
    public async Task Outbox_mails_are_linked_to_the_run_that_sent_them()
    {
        var mailer = bed.MailerFor("alice", "alice@test.local");
        await mailer.SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["ada@example.test"], Subject = "Hi", Message = "Hi" }, CancellationToken.None);

        await mailer.AttachToRunAsync(42, CancellationToken.None);

        Assert.Equal(42, Assert.Single(await bed.Outbox.ListAsync(FunctionTestDatabase.Alice)).RunId);
    }

    [Fact]
    public async Task A_user_sees_only_the_mails_of_their_own_runs_and_an_admin_sees_all() // SEC-30
    {
        await bed.MailerFor("alice", "alice@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["a@example.test"], Subject = "From Alice", Message = "secret plans" }, CancellationToken.None);
        await bed.MailerFor("bob", "bob@test.local").SendAsync(new ScriptMail { From = MailTestBed.AdminAddress, To = ["b@example.test"], Subject = "From Bob", Message = "Hi" }, CancellationToken.None);
        await using var db = await bed.Database.Factory.CreateDbContextAsync();
        var aliceMail = await db.OutboxMails.SingleAsync(m => m.UserId == "alice");

        var bobSees = await bed.Outbox.ListAsync(FunctionTestDatabase.Bob);
        var bobOpensAlices = await bed.Outbox.GetAsync(aliceMail.Id, FunctionTestDatabase.Bob);
        var adminSees = await bed.Outbox.ListAsync(FunctionTestDatabase.Admin);

        Assert.Equal(["From Bob"], bobSees.Select(m => m.Subject));
        Assert.Null(bobOpensAlices);
        Assert.Equal(["From Alice", "From Bob"], adminSees.Select(m => m.Subject).Order());
        Assert.NotNull(await bed.Outbox.GetAsync(aliceMail.Id, FunctionTestDatabase.Admin));
    }

    [Fact]
    public void A_runs_mails_round_trip_through_its_history_row()
    {
        var entity = new FunctionRunEntity { UserId = "alice", MailsJson = FunctionMapping.WriteMails([new ScriptMailReceipt(MailChannels.Outbox, ["ada@example.test"], "Deal won", 812)]) };

        var record = FunctionMapping.ToRecord(entity);

        var mail = Assert.Single(record.Mails);
        Assert.Equal((MailChannels.Outbox, "ada@example.test", "Deal won", 812L), (mail.Channel, Assert.Single(mail.To), mail.Subject, mail.SizeBytes));
    }
}
