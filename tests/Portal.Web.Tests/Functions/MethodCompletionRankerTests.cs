using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Tests.Functions;

public sealed class MethodCompletionRankerTests
{
    [Theory]
    [InlineData("name = \"Ann\";\nname.", "text")]
    [InlineData("items = List();\nitems.", "list")]
    [InlineData("m = {\"a\": 1};\nm.", "map")]
    [InlineData("parts = \"a,b\".toList();\nparts.", "list")]
    [InlineData("d = zoho.currentdate;\nd.", "date")]
    [InlineData("x = 'Jan-01-2024';\nx.", "date")]
    [InlineData("total = 12.5;\ntotal.", "number")]
    [InlineData("n = \"abc\".length();\nn.", "number")]
    [InlineData("\"Zoho\".", "text")]
    [InlineData("resp = invokeUrl [ url: \"https://x\" ];\nresp.", null)]
    [InlineData("unknown.", null)]
    public void The_receiver_type_is_guessed_from_literals_constructors_and_the_registry_s_result_types(string code, string? expected)
    {
        var lines = code.Split('\n');

        var ranking = MethodCompletionRanker.Rank(code, lines.Length, lines[^1].Length + 1);

        Assert.Equal(expected, ranking.Receiver);
    }

    [Fact]
    public void Methods_of_a_text_receiver_come_before_list_and_map_methods()
    {
        const string code = "name = \"Ann\";\nname.le";

        var ranking = MethodCompletionRanker.Rank(code, 2, 8);

        var firstNonText = ranking.Labels.ToList().FindIndex(label => DelugeCompletionCatalog.Items.Single(i => i.Kind == "method" && i.Label == label).AppliesTo!.Split(' ') is var on && !on.Contains("text") && !on.Contains("any"));
        Assert.True(ranking.Labels.ToList().IndexOf("left") < firstNonText);
        Assert.True(ranking.Labels.ToList().IndexOf("toUpperCase") < ranking.Labels.ToList().IndexOf("keys"));
        Assert.True(ranking.Labels.ToList().IndexOf("addDay") > ranking.Labels.ToList().IndexOf("trim"));
    }

    [Fact]
    public void An_unknown_receiver_keeps_every_method_in_catalog_order()
    {
        var ranking = MethodCompletionRanker.Rank("x.", 1, 3);

        Assert.Null(ranking.Receiver);
        Assert.Equal(DelugeCompletionCatalog.Items.Where(i => i.Kind == "method").Select(i => i.Label), ranking.Labels);
    }
}
