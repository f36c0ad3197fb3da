using Bunit;
using Portal.Scripting.Mail;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Functions.Api;
using Portal.Web.Functions.Running;
using Portal.Web.Mail;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Mail;

/// <summary>The editor's output panel lists each mail of a run.</summary>
public sealed class RunMailTraceTests : PortalComponentTestContext
{
    [Fact]
    public void Each_mail_of_a_run_is_listed_with_recipients_subject_size_and_where_it_went()
    {
        var run = new FunctionRunRecord
        {
            UserId = "alice",
            Mails = [new ScriptMailReceipt(MailChannels.Outbox, ["ada@example.test", "grace@example.test"], "Deal won", 2048), new ScriptMailReceipt(MailChannels.Smtp, ["cfo@example.test"], "Numbers", 900)],
        };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, run));

        var rows = output.FindAll("[data-testid=run-mail]").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["ada@example.test, grace@example.test", "Deal won", "2 KB", "to the Outbox"], rows[0]);
        Assert.Equal(["cfo@example.test", "Numbers", "900 B", "via SMTP"], rows[1]);
    }

    [Fact]
    public void The_runs_api_lists_each_mail_of_a_run_in_snake_case()
    {
        var run = new FunctionRunRecord { UserId = "alice", Mails = [new ScriptMailReceipt(MailChannels.Smtp, ["ada@example.test"], "Deal won", 812)] };

        var json = System.Text.Json.JsonSerializer.Serialize(FunctionRunApiModel.From(run), FunctionsApiJson.Options);

        Assert.Contains("\"mails\":[{\"channel\":\"smtp\",\"to\":[\"ada@example.test\"],\"subject\":\"Deal won\",\"size_bytes\":812}]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_mails_shows_no_mail_section()
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, new FunctionRunRecord { UserId = "alice" }));

        Assert.Empty(output.FindAll("[data-testid=run-mails]"));
    }
}
