using Portal.Scripting.Catalog;

namespace Portal.Scripting.Tests.Catalog;

/// <summary>
/// The language reference in <c>src/docs/LANGUAGE.md</c> is generated from the built-in registry: a built-in added,
/// renamed or re-documented without regenerating the document fails here. Regenerate with
/// <c>PORTAL_UPDATE_DOCS=1 dotnet test tests/Portal.Scripting.Tests --filter LanguageReferenceDocTests</c>.
/// </summary>
public sealed class LanguageReferenceDocTests
{
    [Fact]
    public void The_built_in_reference_in_LANGUAGE_md_is_the_registry_s()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "docs", "LANGUAGE.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = document.IndexOf(LanguageReference.BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(LanguageReference.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} must hold the generated block between its two markers");

        var current = document[begin..(end + LanguageReference.EndMarker.Length)];
        var expected = LanguageReference.Render();
        if (current != expected && Environment.GetEnvironmentVariable("PORTAL_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..begin] + expected + document[(end + LanguageReference.EndMarker.Length)..]);
            current = expected;
        }

        Assert.True(current == expected, "src/docs/LANGUAGE.md is out of date with the built-in registry; regenerate it with PORTAL_UPDATE_DOCS=1 (see this test's summary).");
    }

    [Fact]
    public void Every_registry_entry_appears_in_the_reference()
    {
        var reference = LanguageReference.Render();
        var missing = BuiltinCatalog.All.Where(e => !reference.Contains(e.Signature.Replace("|", "\\|", StringComparison.Ordinal), StringComparison.Ordinal)).Select(e => e.Signature).ToList();
        Assert.Empty(missing);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
