using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Mail;
using Portal.Web.Tests.Functions;

namespace Portal.Web.Tests.Mail;

/// <summary>Acceptance 4 end to end: a script's sendmail through FunctionRunner to a real SMTP server, or to the Outbox.</summary>
public sealed class SendmailScriptTests : IDisposable
{
    private const string Script = """
        sendmail
        [
            from: zoho.adminuserid
            to: "ada@example.test"
            subject: "Deal " + name
            message: "<p>The deal is won.</p>"
        ];
        return "sent";
        """;

    private readonly MailTestBed bed = new();
    private readonly FunctionRunner runner;

    public SendmailScriptTests()
    {
        var db = bed.Database;
        runner = new FunctionRunner(db.Factory, new FakeHttpInvokerFactory(), new NoIntegrations(), new SavedFunctionResolver(db.Factory),
            new FunctionRunPruner(db.Factory, db.Time), new FunctionRunGate(), db.Audit, db.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FunctionRunner>.Instance, bed.Mailers);
        SeedAdmin();
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_scripts_sendmail_from_zoho_adminuserid_reaches_the_smtp_server_from_the_default_sender_and_is_in_the_trace()
    {
        await using var server = LocalSmtpServer.Start();
        await bed.UseSmtpAsync(server, sender: "crm@example.test");

        var run = await RunAsync(Script);

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var received = Assert.Single(server.Received);
        Assert.Equal("crm@example.test", received.EnvelopeFrom);
        Assert.Equal("Deal Acme", received.Message.Subject);
        Assert.Equal("<p>The deal is won.</p>", received.Message.HtmlBody?.TrimEnd());
        var mail = Assert.Single(run.Mails);
        Assert.Equal((MailChannels.Smtp, "ada@example.test", "Deal Acme"), (mail.Channel, Assert.Single(mail.To), mail.Subject));
        await using var db = await bed.Database.Factory.CreateDbContextAsync();
        Assert.Contains("Deal Acme", (await db.FunctionRuns.SingleAsync()).MailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_smtp_the_scripts_mail_lands_in_the_outbox_linked_to_its_run()
    {
        var run = await RunAsync(Script);

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var listed = Assert.Single(await bed.Outbox.ListAsync(FunctionTestDatabase.Alice));
        Assert.Equal(("ada@example.test", "Deal Acme", run.Id), (listed.Recipients, listed.Subject, listed.RunId));
        Assert.Equal(MailChannels.Outbox, Assert.Single(run.Mails).Channel);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_runtime_error_on_the_sendmail_line()
    {
        await using var server = LocalSmtpServer.Start(refusedRecipients: "ada@example.test");
        await bed.UseSmtpAsync(server);

        var run = await RunAsync("info \"before\";\n" + Script);

        Assert.Equal(FunctionRunStatus.Failed, run.Status);
        Assert.Equal(2, run.ErrorLine);
        Assert.Contains("refused the recipient 'ada@example.test'", run.ErrorMessage, StringComparison.Ordinal);
    }

    private Task<FunctionRunRecord> RunAsync(string code) => runner.RunAsync(
        new FunctionRunRequest
        {
            Code = code,
            Arguments = [new FunctionArgument("name", "text")],
            Values = new Dictionary<string, Portal.Scripting.Values.ScriptValue> { ["name"] = Portal.Scripting.Values.ScriptValue.Text("Acme") },
        },
        FunctionTestDatabase.Alice,
        FunctionRunOrigin.Editor);

    private void SeedAdmin()
    {
        using var db = bed.Database.Factory.CreateDbContext();
        db.Roles.Add(new IdentityRole(Roles.Admin) { Id = "role-admin", NormalizedName = Roles.Admin.ToUpperInvariant() });
        db.Users.Add(new ApplicationUser { Id = "admin", UserName = MailTestBed.AdminAddress, Email = MailTestBed.AdminAddress });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = "admin", RoleId = "role-admin" });
        db.SaveChanges();
    }
}
