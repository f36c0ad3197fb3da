using Bunit;
using Portal.Scripting.Http;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
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
}
