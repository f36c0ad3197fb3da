using Portal.Scripting.Catalog;
using Portal.Scripting.Runtime.Builtins;

namespace Portal.Scripting.Tests.Catalog;

public sealed class BuiltinCatalogTests
{
    private static readonly string AllScripts = string.Join(
        "\n",
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*.dg", SearchOption.AllDirectories).Select(File.ReadAllText));

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
    public void Every_method_the_engine_knows_is_documented_in_the_catalog()
    {
        var documented = BuiltinCatalog.All.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undocumented = Enum.GetValues<MethodId>()
            .Where(m => m is not (MethodId.Unknown or MethodId.Values or MethodId.ContainsValue or MethodId.Length or MethodId.ToDateTime or MethodId.IsEmpty or MethodId.Size))
            .Select(m => m.ToString())
            .Where(name => !documented.Contains(name))
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Entries_can_be_listed_per_receiver_with_signature_and_doc()
    {
        var textMethods = BuiltinCatalog.For(BuiltinReceiver.Text).ToList();

        Assert.Contains(textMethods, e => e.Name == "replaceAll" && e.Signature.StartsWith("replaceAll(", StringComparison.Ordinal));
        Assert.Contains(textMethods, e => e.Name == "toString" && e.Receiver == BuiltinReceiver.Any);
        Assert.All(BuiltinCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Doc)));
    }
}
