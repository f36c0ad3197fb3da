using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Runtime;

public sealed class SendMailTests
{
    private const string OneMail = "sendmail [ to: \"ann@example.com\" subject: \"Hi\" message: \"Hello there\" ]\n";

    [Fact]
    public async Task Each_delivered_mail_is_listed_in_the_run_result_with_its_receipt()
    {
        var mailer = new RecordingMailer();
        var script = ScriptEngine.Compile(OneMail + OneMail);

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(mailer: mailer));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(2, result.Mails.Count);
        Assert.Equal(new[] { "ann@example.com" }, result.Mails[0].To);
        Assert.Equal("Hi", result.Mails[0].Subject);
        Assert.Equal(11, result.Mails[0].SizeBytes);
        Assert.Equal(2, mailer.Sent[1].Line);
    }

    [Fact]
    public async Task Without_a_mailer_sendmail_is_a_runtime_error_that_says_where_mail_works()
    {
        var script = ScriptEngine.Compile("info \"before\";\n" + OneMail);

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create());

        Assert.Equal(["before"], result.Info);
        Assert.Equal(2, result.Error!.Line);
        Assert.StartsWith("sendmail cannot deliver mail here: this run has no mail delivery configured", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mails_per_run_limit_stops_the_run_at_the_mail_over_it()
    {
        var mailer = new RecordingMailer();
        var script = ScriptEngine.Compile("for each i in {1, 2, 3}\n{\n" + OneMail + "}");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(mailer: mailer), new ScriptLimits { MaxMailsPerRun = 2 });

        Assert.Equal(2, mailer.Sent.Count);
        Assert.Equal(2, result.Mails.Count);
        Assert.Equal(3, result.Error!.Line);
        Assert.Equal("mail limit exceeded: more than 2 mails in one run; send one mail to several recipients or split the work", result.Error.Message);
    }

    [Fact]
    public async Task A_limit_error_on_mails_cannot_be_caught_by_try()
    {
        var mailer = new RecordingMailer();
        var script = ScriptEngine.Compile("try {\n" + OneMail + OneMail + "} catch (e) { info e; }");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(mailer: mailer), new ScriptLimits { MaxMailsPerRun = 1 });

        Assert.Empty(result.Info);
        Assert.StartsWith("mail limit exceeded", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_recipients_in_one_mail_is_an_error_naming_the_limit()
    {
        var mailer = new RecordingMailer();
        var script = ScriptEngine.Compile("sendmail [ to: \"a@example.com\", \"b@example.com\" cc: \"c@example.com\" subject: \"Hi\" message: \"x\" ]");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(mailer: mailer), new ScriptLimits { MaxRecipientsPerMail = 2 });

        Assert.Empty(mailer.Sent);
        Assert.Equal("sendmail has 3 recipients (to, cc and bcc together), over the limit of 2 per mail; split them over several mails", result.Error!.Message);
    }

    [Fact]
    public async Task Without_from_the_mail_goes_out_as_the_configured_sender()
    {
        var mailer = new RecordingMailer();

        await ScriptEngine.RunAsync(ScriptEngine.Compile(OneMail), null, TestHost.Create(mailer: mailer));

        Assert.Equal("portal@example.com", mailer.Sent.Single().From);
    }
}
