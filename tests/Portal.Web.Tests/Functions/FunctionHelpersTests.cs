using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Web.Functions;
using Portal.Web.Functions.Editor;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionHelpersTests
{
    [Theory]
    [InlineData("Append Row", "append_row")]
    [InlineData("  Sync CRM → Sheets (v2) ", "sync_crm_sheets_v2")]
    [InlineData("2024 report", "fn_2024_report")]
    [InlineData("!!!", "")]
    public void Api_names_are_derived_from_the_display_name(string name, string expected)
    {
        Assert.Equal(expected, FunctionApiNames.Derive(name));
    }

    [Theory]
    [InlineData("append_row", true)]
    [InlineData("a", true)]
    [InlineData("Append", false)]
    [InlineData("1abc", false)]
    [InlineData("has-dash", false)]
    [InlineData("a23456789012345678901234567890123456789012345678901", false)]
    public void Api_names_follow_the_documented_format(string apiName, bool valid)
    {
        Assert.Equal(valid, FunctionApiNames.IsValid(apiName));
    }

    [Theory]
    [InlineData("number", "42", ScriptValueKind.Number)]
    [InlineData("decimal", "4.25", ScriptValueKind.Decimal)]
    [InlineData("boolean", "true", ScriptValueKind.Boolean)]
    [InlineData("date", "2024-01-31", ScriptValueKind.DateTime)]
    [InlineData("map", "{\"a\":1}", ScriptValueKind.Map)]
    [InlineData("list", "[1,2]", ScriptValueKind.List)]
    [InlineData("text", "", ScriptValueKind.Text)]
    [InlineData("number", "", ScriptValueKind.Null)]
    public void Argument_inputs_become_values_of_the_declared_type(string type, string input, ScriptValueKind kind)
    {
        var ok = FunctionArgumentValues.TryParse(type, input, out var value, out var error);

        Assert.True(ok, error);
        Assert.Equal(kind, value.Kind);
    }

    [Theory]
    [InlineData("number", "4.5", "whole number")]
    [InlineData("boolean", "yes", "true or false")]
    [InlineData("date", "tomorrow", "not a date")]
    [InlineData("map", "[1]", "JSON object")]
    [InlineData("list", "{oops", "not valid JSON")]
    public void Wrong_argument_inputs_say_what_to_enter(string type, string input, string hint)
    {
        var ok = FunctionArgumentValues.TryParse(type, input, out _, out var error);

        Assert.False(ok);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Credential_headers_and_query_values_are_masked_in_traces() // SEC-20
    {
        var entry = new HttpTraceEntry
        {
            Method = "GET",
            Url = "https://x.test/a?access_token=s3cret&page=1#top",
            RequestHeaders = [new("Authorization", "Bearer s3cret"), new("X-Api-Key", "s3cret"), new("Accept", "*/*")],
            ResponseHeaders = [new("Set-Cookie", "sid=s3cret; HttpOnly")],
        };

        var redacted = HttpTraceRedactor.Redact(entry);

        Assert.Equal("https://x.test/a?access_token=••••&page=1#top", redacted.Url);
        Assert.Equal(["Bearer ••••", "••••", "*/*"], redacted.RequestHeaders.Select(h => h.Value));
        Assert.Equal("••••", redacted.ResponseHeaders.Single().Value);
    }

    [Fact]
    public void The_line_diff_marks_added_and_removed_lines()
    {
        var diff = LineDiff.Compute("a\nb\nc\n", "a\nB\nc\nd");

        Assert.Equal(
            ["  a", "- b", "+ B", "  c", "+ d"],
            diff.Select(l => (l.Kind switch { LineDiff.Kind.Added => "+ ", LineDiff.Kind.Removed => "- ", _ => "  " }) + l.Text));
    }

    [Fact]
    public void Diagnostics_locate_each_error_with_a_visible_range()
    {
        var markers = FunctionDiagnostics.Analyze("x = 1;\ny = ;\nreturn x;");

        var marker = Assert.Single(markers);
        Assert.Equal(2, marker.StartLineNumber);
        Assert.Equal(2, marker.EndLineNumber);
        Assert.True(marker.EndColumn > marker.StartColumn);
    }

    [Fact]
    public void Diagnostics_of_a_thousand_line_function_find_the_one_error_at_its_line()
    {
        var lines = Enumerable.Range(0, 1000).Select(i => $"v{i} = map(); v{i}.put(\"k\", {i} + 1);").ToList();
        lines[733] = "broken = (1 + ;";

        var markers = FunctionDiagnostics.Analyze(string.Join('\n', lines));

        Assert.Contains(markers, m => m.StartLineNumber == 734);
        Assert.All(markers, m => Assert.InRange(m.StartLineNumber, 734, 735));
    }

    [Fact]
    public void The_completion_catalog_offers_the_zoho_crm_tasks_with_signatures_and_who_they_run_as()
    {
        var items = DelugeCompletionCatalog.Items;

        var getRecords = Assert.Single(items, i => i.Label == "zoho.crm.getRecords");
        Assert.Equal("function", getRecords.Kind);
        Assert.Equal("zoho.crm.getRecords($0)", getRecords.InsertText);
        Assert.Equal("zoho.crm.getRecords(module, page?, per_page?, query_map?, connection?) → LIST", getRecords.Signature);
        Assert.Contains("- `per_page` NUMBER (optional, default 200): records per page, at most 200", getRecords.Documentation, StringComparison.Ordinal);
        Assert.Contains("runs with the authorization of the admin who bound `zoho.crm` under Users & Control › Integrations", getRecords.Documentation, StringComparison.Ordinal);
        Assert.Equal(13, items.Count(i => i.Label.StartsWith("zoho.crm.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_completion_catalog_offers_methods_with_signatures_keywords_and_the_invokeurl_snippet()
    {
        var items = DelugeCompletionCatalog.Items;

        Assert.Contains(items, i => i is { Kind: "method", Label: "put", Signature: "put(key, value?) → NULL" });
        Assert.Contains(items, i => i is { Kind: "keyword", Label: "info" });
        Assert.Contains(items, i => i is { Kind: "snippet", Label: "invokeUrl" });
        Assert.Contains(items, i => i is { Kind: "taskKey", Label: "connection" });
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Documentation)));
    }
}
