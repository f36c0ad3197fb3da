using Portal.Scripting;
using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Tests.Functions;

public sealed class InvokeUrlSnippetGeneratorTests
{
    [Fact]
    public void A_plain_get_has_only_url_and_type()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions { Url = "https://api.example.com/v1/items" });

        Assert.Equal("response = invokeUrl\n[\n\turl: \"https://api.example.com/v1/items\"\n\ttype: GET\n];\ninfo response;\n", code);
        Assert.True(ScriptEngine.Parse(code).Success);
    }

    [Fact]
    public void Headers_parameters_connection_and_detailed_are_all_written()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            ConnectionLinkName = "team_sheets",
            Method = "get",
            Url = "https://sheets.example.com/v4/rows",
            Headers = [new("Accept", "application/json")],
            Parameters = [new("q", "status:open"), new("", "ignored")],
            Detailed = true,
        });

        Assert.Equal(
            "headerMap = Map();\nheaderMap.put(\"Accept\", \"application/json\");\nparamMap = Map();\nparamMap.put(\"q\", \"status:open\");\n"
            + "response = invokeUrl\n[\n\turl: \"https://sheets.example.com/v4/rows\"\n\ttype: GET\n\theaders: headerMap\n\tparameters: paramMap\n"
            + "\tconnection: \"team_sheets\"\n\tdetailed: true\n];\ninfo response;\n",
            code);
        Assert.True(ScriptEngine.Parse(code).Success);
    }

    [Fact]
    public void A_json_body_sends_the_map_as_text_with_a_json_content_type()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            Method = "POST",
            Url = "https://api.example.com/rows",
            Parameters = [new("name", "Ada")],
            BodyType = InvokeUrlBodyType.Json,
        });

        Assert.Contains("\tparameters: paramMap.toString()\n\tcontent-type: \"application/json\"\n", code, StringComparison.Ordinal);
        Assert.True(ScriptEngine.Parse(code).Success);
    }

    [Fact]
    public void A_json_body_without_parameters_sends_an_empty_object()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions { Method = "PUT", Url = "https://x.test/a", BodyType = InvokeUrlBodyType.Json });

        Assert.Contains("\tparameters: \"{}\"\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("paramMap", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_body_passes_the_map_as_parameters()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            Method = "PATCH",
            Url = "https://x.test/a",
            Parameters = [new("a", "1")],
            BodyType = InvokeUrlBodyType.Form,
        });

        Assert.Contains("\ttype: PATCH\n", code, StringComparison.Ordinal);
        Assert.Contains("\tparameters: paramMap\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("content-type", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_body_is_escaped_and_sent_with_its_content_type()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            Method = "POST",
            Url = "https://x.test/a",
            Parameters = [new("unused", "x")],
            BodyType = InvokeUrlBodyType.Raw,
            RawBody = "line \"one\"\n\tC:\\path",
            RawContentType = "application/xml",
        });

        Assert.Contains("\tbody: \"line \\\"one\\\"\\n\\tC:\\\\path\"\n\tcontent-type: \"application/xml\"\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("paramMap", code, StringComparison.Ordinal);
        Assert.True(ScriptEngine.Parse(code).Success);
    }

    [Fact]
    public void A_raw_body_without_a_content_type_is_sent_as_plain_text()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions { Method = "POST", Url = "https://x.test/a", BodyType = InvokeUrlBodyType.Raw, RawBody = "hi" });

        Assert.Contains("\tcontent-type: \"text/plain\"\n", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_and_delete_ignore_the_body_type_and_send_parameters_in_the_query()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            Method = "DELETE",
            Url = "https://x.test/a",
            Parameters = [new("id", "7")],
            BodyType = InvokeUrlBodyType.Json,
        });

        Assert.Contains("\ttype: DELETE\n\tparameters: paramMap\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("application/json", code, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_method_falls_back_to_get_and_the_response_variable_can_be_renamed()
    {
        var code = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions { Method = "TRACE", Url = "https://x.test", ResponseVariable = "rows" });

        Assert.StartsWith("rows = invokeUrl\n", code, StringComparison.Ordinal);
        Assert.Contains("\ttype: GET\n", code, StringComparison.Ordinal);
        Assert.EndsWith("info rows;\n", code, StringComparison.Ordinal);
    }
}
