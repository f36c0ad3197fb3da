using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

public sealed class InvokeUrlSnippetTests
{
    [Fact]
    public void The_snippet_names_the_url_method_and_connection_like_the_seed_sample()
    {
        var snippet = InvokeUrlSnippet.Format("team_sheets", "http://127.0.0.1:5100/api/sheets/v1/spreadsheets");

        Assert.Matches(
            "^response = invokeUrl\n\\[\n\\s+url: \"http://127.0.0.1:5100/api/sheets/v1/spreadsheets\"\n\\s+type: GET\n\\s+connection: \"team_sheets\"\n\\];\ninfo response;$",
            snippet);
    }

    [Fact]
    public void Quotes_in_the_url_are_escaped_and_a_missing_url_leaves_a_placeholder()
    {
        var quoted = InvokeUrlSnippet.Format("c", "https://x.test/?q=\"a\"", "post");
        var empty = InvokeUrlSnippet.Format("c", null);

        Assert.Contains("url: \"https://x.test/?q=\\\"a\\\"\"", quoted);
        Assert.Contains("type: POST", quoted);
        Assert.Contains("url: \"https://\"", empty);
    }
}
