using System.Text.Json.Nodes;
using Portal.Sandbox.Apis.Crm.Criteria;

namespace Portal.Sandbox.Tests.Crm;

public sealed class CriteriaParserTests
{
    private static readonly JsonObject Ada = new()
    {
        ["id"] = "5843104000000440001",
        ["First_Name"] = "Ada",
        ["Last_Name"] = "Lovelace",
        ["Company"] = "Analytical Engines (UK)",
        ["Amount"] = 1500.5,
        ["Account_Name"] = new JsonObject { ["name"] = "Analytical Engines Ltd", ["id"] = "5843104000000410001" },
        ["Created_Time"] = "2026-10-01T09:00:00+00:00",
    };

    [Fact]
    public void A_single_condition_becomes_one_condition_node()
    {
        var node = CriteriaParser.Parse("(Last_Name:equals:Lovelace)");

        var condition = Assert.IsType<CriteriaCondition>(node);
        Assert.Equal("Last_Name", condition.Field);
        Assert.Equal("equals", condition.Operator);
        Assert.Equal(["Lovelace"], condition.Values);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_nested_groups_keep_their_shape()
    {
        var node = CriteriaParser.Parse("((A:equals:1)or(B:equals:2)and(C:equals:3))");
        var nested = CriteriaParser.Parse("((A:equals:1)and((B:equals:2)or(C:equals:3)))");

        var or = Assert.IsType<CriteriaGroup>(node);
        Assert.Equal(CriteriaConnector.Or, or.Connector);
        Assert.IsType<CriteriaCondition>(or.Parts[0]);
        Assert.Equal(CriteriaConnector.And, Assert.IsType<CriteriaGroup>(or.Parts[1]).Connector);
        var and = Assert.IsType<CriteriaGroup>(nested);
        Assert.Equal(CriteriaConnector.And, and.Connector);
        Assert.Equal(CriteriaConnector.Or, Assert.IsType<CriteriaGroup>(and.Parts[1]).Connector);
    }

    [Theory]
    [InlineData("(Last_Name:equals:lovelace)", true)]
    [InlineData("(Last_Name:not_equal:Lovelace)", false)]
    [InlineData("(Company:starts_with:ana)", true)]
    [InlineData("(Last_Name:in:Knuth,Lovelace)", true)]
    [InlineData("(Last_Name:in:Knuth,Hopper)", false)]
    [InlineData("(Amount:greater_than:1000)", true)]
    [InlineData("(Amount:less_than:1000)", false)]
    [InlineData("(Amount:equals:1500.50)", true)]
    [InlineData("(Created_Time:greater_than:2026-09-30T23:00:00+00:00)", true)]
    [InlineData("(Created_Time:less_than:2026-10-01T09:00:00-01:00)", true)]
    [InlineData("(Account_Name:equals:Analytical Engines Ltd)", true)]
    [InlineData("(Account_Name:equals:5843104000000410001)", true)]
    [InlineData("(Account_Name.id:equals:5843104000000410001)", true)]
    [InlineData("(Account_Name.id:equals:Analytical Engines Ltd)", false)]
    [InlineData("(id:equals:5843104000000440002)", false)]
    [InlineData("(Company:equals:Analytical Engines \\(UK\\))", true)]
    [InlineData("(Missing_Field:equals:x)", false)]
    [InlineData("((Last_Name:equals:Lovelace)and(Company:starts_with:Ana))", true)]
    [InlineData("((Last_Name:equals:Lovelace) AND (Company:starts_with:Bob))", false)]
    [InlineData("((Last_Name:equals:Knuth)or(First_Name:equals:Ada))", true)]
    [InlineData("((Last_Name:equals:Knuth)or((First_Name:equals:Ada)and(Amount:greater_equal:1500.5)))", true)]
    [InlineData("((Last_Name:equals:Knuth)or((First_Name:equals:Ada)and(Amount:less_equal:1500)))", false)]
    public void Conditions_match_like_zoho_search(string criteria, bool expected)
    {
        var node = CriteriaParser.Parse(criteria);

        var matches = node.Matches(Ada);

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Escaped_commas_stay_inside_an_in_value()
    {
        var node = CriteriaParser.Parse("(Company:in:Acme\\, Inc,Globex)");

        Assert.Equal(["Acme, Inc", "Globex"], Assert.IsType<CriteriaCondition>(node).Values);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Last_Name:equals:Lovelace", "position 1: expected '('")]
    [InlineData("(Last_Name:equals:Lovelace", "criteria ended")]
    [InlineData("(Last_Name:equal:Lovelace)", "position 12: found 'equal' where an operator belongs")]
    [InlineData("(Last_Name:equals:)", "value for 'Last_Name' is missing")]
    [InlineData("(:equals:x)", "expected a field API name")]
    [InlineData("((A:equals:1)xor(B:equals:2))", "found 'x'")]
    [InlineData("(Company:equals:Acme (UK))", "unexpected ')'")]
    [InlineData("(A:equals:1)and", "criteria ended")]
    [InlineData("(A:equals:x\\", "lone '\\'")]
    public void Malformed_criteria_is_rejected_with_a_reason_that_says_where(string criteria, string reasonPart)
    {
        var error = Assert.Throws<CriteriaException>(() => CriteriaParser.Parse(criteria));

        Assert.Contains(reasonPart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_instead_of_exhausting_the_stack()
    {
        var deep = new string('(', 5000) + "A:equals:1" + new string(')', 5000);
        var tooDeep = new string('(', CriteriaParser.MaxDepth + 1) + "A:equals:1" + new string(')', CriteriaParser.MaxDepth + 1);

        var longError = Assert.Throws<CriteriaException>(() => CriteriaParser.Parse(deep));
        var depthError = Assert.Throws<CriteriaException>(() => CriteriaParser.Parse(tooDeep));

        Assert.Contains("longer than", longError.Message, StringComparison.Ordinal);
        Assert.Contains("nested deeper", depthError.Message, StringComparison.Ordinal);
    }
}
