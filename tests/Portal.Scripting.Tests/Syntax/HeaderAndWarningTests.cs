namespace Portal.Scripting.Tests.Syntax;

public sealed class HeaderAndWarningTests
{
    [Fact]
    public void A_header_fills_the_compiled_scripts_name_namespace_and_typed_arguments()
    {
        var script = ScriptEngine.Compile("// exported\nMap Button.sync_deal(Int dealId, STRING note)\n{\n  return {\"id\": dealId};\n}");

        Assert.True(script.Success);
        var header = script.Header!;
        Assert.Equal(("map", "Button", "sync_deal", 2, 1), (header.ReturnType, header.Namespace, header.Name, header.Line, header.Column));
        Assert.Equal([new FunctionHeaderParameter("int", "dealId"), new FunctionHeaderParameter("string", "note")], header.Parameters);
    }

    [Fact]
    public void A_bare_body_has_no_header()
    {
        Assert.Null(ScriptEngine.Compile("x = 1;").Header);
    }

    [Fact]
    public void A_script_with_only_warnings_compiles_and_reports_them_as_warnings()
    {
        var script = ScriptEngine.Compile("x = 1;\nif(x = 1)\n{\n  info x;\n}");
        var parsed = ScriptEngine.Parse("x = 1;\nif(x = 1)\n{\n  info x;\n}");

        Assert.True(script.Success);
        Assert.True(parsed.Success);
        var warning = Assert.Single(script.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.True(warning.IsWarning);
        Assert.Empty(script.Errors);
        Assert.Equal((2, 6), (warning.Line, warning.Column));
        Assert.StartsWith("line 2, column 6: warning: '=' inside a condition compares here", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_created_without_a_severity_are_errors()
    {
        var diagnostic = new Diagnostic("boom", 1, 1, new Text.TextSpan(0, 1));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.IsError);
    }

    [Theory]
    [InlineData("string standalone.greet(String name)\n{\n  return name;\n}", "does nothing on its own")]
    [InlineData("sendmail [ to: \"a@example.com\" subject: \"s\" message: \"m\" ]", "does nothing on its own")]
    [InlineData("x = input.lead_id;", "methods are called with parentheses")]
    [InlineData("x = 1;\nif(x = 1) { info x; }", "missing ';'")]
    [InlineData("n = zoho.adminuserid.length();", "unknown task")]
    public void Exported_zoho_code_no_longer_gets_the_old_misleading_messages(string source, string misleading)
    {
        var script = ScriptEngine.Compile(source);

        Assert.True(script.Success, string.Join(" | ", script.Diagnostics));
        Assert.DoesNotContain(script.Diagnostics, d => d.Message.Contains(misleading, StringComparison.Ordinal));
    }
}
