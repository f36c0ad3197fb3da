using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Tests.Functions;

/// <summary>Issue 16 item 11: a connection name the user cannot use is flagged while typing, not only when the run fails.</summary>
public sealed class UnknownConnectionMarkersTests
{
    private const string Code = """
        r = invokeUrl
        [
            url: "https://api.example.com/rows"
            type: GET
            connection: "team_sheet"
        ];
        return r;
        """;

    [Fact]
    public void An_unknown_connection_name_gets_a_warning_on_the_name_listing_the_usable_ones()
    {
        var markers = FunctionDiagnostics.Analyze(Code, ["team_sheets", "mine"]);

        var marker = Assert.Single(markers);
        Assert.True(marker.IsWarning);
        Assert.Equal((5, 18, 5, 28), (marker.StartLineNumber, marker.StartColumn, marker.EndLineNumber, marker.EndColumn));
        Assert.Equal("You have no connection named 'team_sheet', so this call will fail. Use one of: mine, team_sheets.", marker.Message);
    }

    [Fact]
    public void A_known_connection_name_gets_no_marker()
    {
        var markers = FunctionDiagnostics.Analyze(Code.Replace("team_sheet\"", "team_sheets\"", StringComparison.Ordinal), ["team_sheets"]);

        Assert.Empty(markers);
    }

    [Fact]
    public void A_commented_out_connection_and_an_empty_name_being_typed_get_no_marker()
    {
        var markers = FunctionDiagnostics.Analyze("// connection: \"old\"\nr = invokeUrl [ url: \"https://x.example\" connection: \"\" ];", ["mine"]);

        Assert.DoesNotContain(markers, m => m.IsWarning);
    }

    [Fact]
    public void Without_connections_the_warning_says_where_to_create_one_and_parse_errors_stay_errors()
    {
        var markers = FunctionDiagnostics.Analyze(Code + "\nx = ;", []);

        Assert.Contains(markers, m => !m.IsWarning && m.StartLineNumber == 8);
        Assert.Contains(markers, m => m.IsWarning && m.Message.Contains("Create it under Setup › Developer Space › Connections", StringComparison.Ordinal));
    }
}
