using System.Text.RegularExpressions;
using Portal.Scripting.Catalog;
using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Tests.Functions;

public sealed partial class BuiltinRegistryEditorTests
{
    [Fact]
    public void Every_registry_function_method_value_and_keyword_is_offered_by_the_editor_with_the_registry_doc()
    {
        var items = DelugeCompletionCatalog.Items;

        var missing = BuiltinCatalog.All
            .Where(e => e.Receiver is not BuiltinReceiver.Task || e.Name == "standalone")
            .Where(e => !items.Any(i => i.Label.Equals(e.Name, StringComparison.OrdinalIgnoreCase) && i.Documentation.Contains(e.Doc, StringComparison.Ordinal)))
            .Select(e => $"{e.Receiver}:{e.Name}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_editor_offers_no_built_in_the_registry_does_not_declare()
    {
        var declared = BuiltinCatalog.All.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undeclared = DelugeCompletionCatalog.Items
            .Where(i => i.Kind is "method" or "keyword" or "value" || (i.Kind == "function" && !i.Label.StartsWith("zoho.crm.", StringComparison.Ordinal)))
            .Where(i => !declared.Contains(i.Label))
            .Select(i => i.Label)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void The_hover_for_isBlank_says_what_the_engine_does_with_empty_lists_and_maps()
    {
        var isBlank = Assert.Single(DelugeCompletionCatalog.Items, i => i.Label == "isBlank");

        Assert.Contains("empty lists or maps", isBlank.Documentation, StringComparison.Ordinal);
        Assert.Contains("Example: `isBlank(List())` → `true`", isBlank.Documentation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_on_several_receivers_is_one_completion_that_names_each_receiver()
    {
        var contains = Assert.Single(DelugeCompletionCatalog.Items, i => i is { Kind: "method", Label: "contains" });

        Assert.Equal("list text", string.Join(' ', contains.AppliesTo!.Split(' ').Order(StringComparer.Ordinal)));
        Assert.Contains("**text**: True when the text occurs", contains.Documentation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monaco_keyword_and_constant_lists_equal_the_registry()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "js", "deluge-language.js"));
        var expectedKeywords = BuiltinCatalog.KeywordWords
            .Concat(BuiltinCatalog.All.Where(e => e.Receiver == BuiltinReceiver.Task).Select(e => e.Name.ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expectedConstants = BuiltinCatalog.All.Where(e => e is { Receiver: BuiltinReceiver.Keyword, Result: "constant" }).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expectedKeywords, Words(KeywordArray().Match(script).Groups[1].Value));
        Assert.Equal(expectedKeywords, KeywordRegex().Match(script).Groups[1].Value.Split('|').Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expectedConstants, Words(ConstantArray().Match(script).Groups[1].Value));
    }

    private static List<string> Words(string arrayBody) =>
        arrayBody.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'')).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"const keywords = \[([^\]]*)\]")]
    private static partial Regex KeywordArray();

    [GeneratedRegex(@"constants: \[([^\]]*)\]")]
    private static partial Regex ConstantArray();

    [GeneratedRegex(@"\[/\(\?:([a-z|]+)\)\(\?!\[\\w\]\)/, 'keyword'\]")]
    private static partial Regex KeywordRegex();
}
