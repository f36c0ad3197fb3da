using Portal.Scripting.Catalog;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Catalog;

public sealed class BuiltinCatalogTests
{
    private static readonly string AllScripts = string.Join(
        "\n",
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*.dg", SearchOption.AllDirectories).Select(File.ReadAllText));

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var entry in BuiltinCatalog.All.Where(e => e.Example.Length > 0 && e.Receiver is not (BuiltinReceiver.Keyword or BuiltinReceiver.Task)))
        {
            data.Add($"{entry.Receiver}:{entry.Signature}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_entry_s_example_runs_through_the_engine_and_gives_the_documented_result(string key)
    {
        var entry = BuiltinCatalog.All.Single(e => $"{e.Receiver}:{e.Signature}" == key);

        var script = ScriptEngine.Compile($"info {entry.Example};");
        var result = script.Success ? await ScriptEngine.RunAsync(script, new Dictionary<string, Portal.Scripting.Values.ScriptValue>(), TestHost.Create()) : null;

        Assert.True(script.Success, string.Join(" | ", script.Diagnostics.Select(d => d.Message)));
        Assert.Null(result!.Error?.Message);
        Assert.Equal([entry.ExampleResult], result.Info);
    }

    [Fact]
    public void Every_function_method_and_system_value_has_a_result_type_a_doc_and_an_example()
    {
        var incomplete = BuiltinCatalog.All
            .Where(e => e.Receiver is not (BuiltinReceiver.Keyword or BuiltinReceiver.Task or BuiltinReceiver.SystemValue))
            .Where(e => e.Result.Length == 0 || e.Doc.Length == 0 || e.Example.Length == 0)
            .Select(e => e.Signature)
            .ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void Every_method_and_function_id_the_engine_dispatches_is_declared_in_the_registry()
    {
        var methods = BuiltinCatalog.All.Where(e => e.IsMethod).Select(e => e.Method).ToHashSet();
        var functions = BuiltinCatalog.All.Where(e => e.Receiver == BuiltinReceiver.Global).Select(e => e.Function).ToHashSet();

        var undeclaredMethods = Enum.GetValues<MethodId>().Where(m => m != MethodId.Unknown && !methods.Contains(m)).ToList();
        var undeclaredFunctions = Enum.GetValues<GlobalFunctionId>().Where(f => f is not (GlobalFunctionId.Unknown or GlobalFunctionId.MethodForm) && !functions.Contains(f)).ToList();

        Assert.Empty(undeclaredMethods);
        Assert.Empty(undeclaredFunctions);
    }

    [Fact]
    public void A_method_name_or_receiver_is_declared_only_once()
    {
        var duplicates = BuiltinCatalog.All
            .GroupBy(e => (e.Receiver, Name: e.Name.ToLowerInvariant()))
            .Where(g => g.Count() > 1 && g.Key.Receiver is not BuiltinReceiver.Keyword)
            .Select(g => g.Key.ToString())
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_catalog_entry_is_exercised_by_a_conformance_script()
    {
        var untested = BuiltinCatalog.All
            .Where(e => e.Receiver is not BuiltinReceiver.Keyword)
            .Select(e => e.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => !AllScripts.Contains(name, StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(untested);
    }

    [Fact]
    public void Entries_can_be_listed_per_receiver_with_signature_and_doc()
    {
        var textMethods = BuiltinCatalog.For(BuiltinReceiver.Text).ToList();

        Assert.Contains(textMethods, e => e.Name == "replaceAll" && e.Signature.StartsWith("replaceAll(", StringComparison.Ordinal));
        Assert.Contains(textMethods, e => e.Name == "toString" && e.Receiver == BuiltinReceiver.Any);
        Assert.All(BuiltinCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Doc)));
    }

    [Fact]
    public void The_isBlank_doc_says_what_the_engine_does_with_empty_lists_and_maps()
    {
        var isBlank = Assert.Single(BuiltinCatalog.Find("isBlank"));

        Assert.Contains("empty lists or maps", isBlank.Doc, StringComparison.Ordinal);
        Assert.Equal("true", isBlank.ExampleResult);
        Assert.Equal("isBlank(List())", isBlank.Example);
    }

    [Theory]
    [InlineData("substring(from, to?)", 1, 2)]
    [InlineData("insert(values…)", 1, int.MaxValue)]
    [InlineData("keys()", 0, 0)]
    public void Arity_comes_from_the_signature(string signature, int min, int max)
    {
        Assert.Equal((min, max), CatalogBuilder.Arity(signature));
    }
}
