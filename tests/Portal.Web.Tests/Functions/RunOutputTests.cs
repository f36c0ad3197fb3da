using Bunit;
using Portal.Scripting.Http;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class RunOutputTests : PortalComponentTestContext
{
    private static readonly FunctionRunRecord Succeeded = new()
    {
        UserId = "alice",
        UserEmail = "alice@test.local",
        Status = FunctionRunStatus.Succeeded,
        DurationMs = 1234,
        Statements = 17,
        Info = ["first line", "{\"a\":1}"],
        ReturnValueJson = "{\"row\":{\"id\":7,\"tags\":[\"x\",\"y\"]},\"ok\":true}",
        HttpTrace =
        [
            new HttpTraceEntry
            {
                Method = "POST",
                Url = "https://sheets.example.com/rows",
                StatusCode = 200,
                Duration = TimeSpan.FromMilliseconds(85),
                RequestHeaders = [new("Authorization", "Bearer ••••"), new("Content-Type", "application/json")],
                ResponseHeaders = [new("Content-Type", "application/json")],
                RequestBodyPreview = "{\"name\":\"Ada\"}",
                ResponseBodyPreview = "{\"id\":7}",
                ConnectionLinkName = "team_sheets",
            },
        ],
    };

    [Fact]
    public void Info_lines_are_shown_in_order_in_the_console()
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, Succeeded));

        Assert.Equal(["first line", "{\"a\":1}"], output.FindAll("[data-testid=run-info] .run-console-line").Select(l => l.TextContent));
        Assert.Contains("1,234 ms · 17 statements · 1 HTTP call", output.Find("[data-testid=run-stats]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_map_is_shown_as_a_json_tree()
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, Succeeded));

        var tree = output.Find("[data-testid=run-return]");
        Assert.Equal(3, tree.QuerySelectorAll("details").Length);
        Assert.Contains("\"tags\": ", tree.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"y\"", tree.TextContent, StringComparison.Ordinal);
        Assert.Contains("7", tree.QuerySelector(".json-number")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Returned_text_is_shown_without_quotes()
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, Succeeded with { ReturnValueJson = "\"done\"" }));

        Assert.Equal("done", output.Find("[data-testid=run-return] pre").TextContent);
    }

    [Fact]
    public void An_error_shows_its_location_and_clicking_it_reports_line_and_column()
    {
        (int Line, int Column)? clicked = null;
        var failed = Succeeded with { Status = FunctionRunStatus.Failed, ErrorMessage = "division by zero", ErrorLine = 4, ErrorColumn = 9, ReturnValueJson = null };
        var output = Render<RunOutput>(p => p.Add(o => o.Run, failed).Add(o => o.ErrorClicked, location => clicked = location));

        output.Find("[data-testid=run-error-location]").Click();

        Assert.Contains("Line 4, column 9", output.Find("[data-testid=run-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("division by zero", output.Find("[data-testid=run-error-message]").TextContent);
        Assert.Equal((4, 9), clicked);
        Assert.Contains("Nothing was returned", output.Find("[data-testid=run-return]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_shows_method_url_status_duration_masked_credentials_and_bodies() // SEC-20
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, Succeeded));

        var trace = output.Find("[data-testid=http-trace]");
        Assert.Equal("200", output.Find("[data-testid=trace-status]").TextContent.Trim());
        Assert.Equal("https://sheets.example.com/rows", output.Find("[data-testid=trace-url]").TextContent);
        Assert.Contains("POST", trace.TextContent, StringComparison.Ordinal);
        Assert.Contains("85 ms", trace.TextContent, StringComparison.Ordinal);
        output.Find("[data-testid=trace-entry] .mud-expand-panel-header").Click();
        await output.WaitForAssertionAsync(() => Assert.Contains("Bearer ••••", output.Find("[data-testid=trace-headers] td.redacted").TextContent, StringComparison.Ordinal));
        Assert.Equal("{\"name\":\"Ada\"}", output.Find("[data-testid=trace-request-body]").TextContent);
        Assert.Equal("{\"id\":7}", output.Find("[data-testid=trace-response-body]").TextContent);
        Assert.Contains("team_sheets", output.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_call_without_an_answer_is_marked_failed()
    {
        var failedCall = Succeeded with
        {
            HttpTrace = [new HttpTraceEntry { Method = "GET", Url = "https://down.example.com", StatusCode = 0, Error = "request to down.example.com failed" }],
        };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, failedCall));

        Assert.Equal("failed", output.Find("[data-testid=trace-status]").TextContent.Trim());
    }

    [Fact]
    public void A_call_stopped_before_it_was_sent_is_not_counted_as_an_http_call_and_is_marked_not_sent()
    {
        var stopped = Succeeded with
        {
            Status = FunctionRunStatus.Failed,
            ErrorMessage = "There is no connection named 'nope'. Check the link name in Setup › Developer Space › Connections.",
            HttpTrace = [new HttpTraceEntry { Method = "GET", Url = "https://api.example.com", ConnectionLinkName = "nope", NotSent = true, Error = "There is no connection named 'nope'." }],
        };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, stopped));

        Assert.Contains("0 HTTP calls (1 not sent)", output.Find("[data-testid=run-stats]").TextContent, StringComparison.Ordinal);
        Assert.Equal("not sent", output.Find("[data-testid=trace-status]").TextContent.Trim());
    }

    [Fact]
    public void A_connection_path_in_a_run_error_is_an_in_app_link_named_after_the_connection()
    {
        var failed = Succeeded with
        {
            Status = FunctionRunStatus.Failed,
            ErrorMessage = "Connection 'mine' is not authorized. Open /connections/mine and click Connect.",
            ErrorLine = 1,
            ErrorColumn = 5,
        };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, failed));

        var link = output.Find("[data-testid=run-error-link]");
        Assert.Equal("/connections/mine", link.GetAttribute("href"));
        Assert.Null(link.GetAttribute("target"));
        Assert.Equal("connection 'mine'", link.TextContent);
        Assert.Equal("Connection 'mine' is not authorized. Open connection 'mine' and click Connect.", output.Find("[data-testid=run-error-message]").TextContent);
        Assert.DoesNotContain("/connections/mine", output.Find("[data-testid=run-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_location_is_followed_directly_by_a_colon()
    {
        var failed = Succeeded with { Status = FunctionRunStatus.Failed, ErrorMessage = "division by zero", ErrorLine = 1, ErrorColumn = 5 };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, failed));

        var text = System.Text.RegularExpressions.Regex.Replace(output.Find("[data-testid=run-error]").TextContent, @"\s+", " ").Trim();
        Assert.Contains("Line 1, column 5: division by zero", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbound_integration_error_links_the_menu_entry_it_names()
    {
        var failed = Succeeded with
        {
            Status = FunctionRunStatus.Failed,
            ErrorMessage = "integration zoho.crm is not set up: an admin must bind it under Users & Control › Integrations (/admin/integrations).",
        };

        var output = Render<RunOutput>(p => p.Add(o => o.Run, failed));

        var link = output.Find("[data-testid=run-error-link]");
        Assert.Equal("/admin/integrations", link.GetAttribute("href"));
        Assert.Equal("Users & Control › Integrations", link.TextContent);
        Assert.EndsWith("under Users & Control › Integrations.", output.Find("[data-testid=run-error-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_returned_text_is_shown_as_empty_quotes_not_as_nothing()
    {
        var output = Render<RunOutput>(p => p.Add(o => o.Run, Succeeded with { ReturnValueJson = "\"\"" }));

        Assert.Equal("\"\" (empty text)", output.Find("[data-testid=run-return-empty]").TextContent);
    }
}
