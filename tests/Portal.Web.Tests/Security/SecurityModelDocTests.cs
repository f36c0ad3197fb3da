using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Security;

/// <summary>
/// <c>src/docs/SECURITY.md</c> states every SEC item in the project's words and ends with a table, generated from the
/// <c>SEC-n</c> comments in <c>src/</c> and <c>tests/</c>, of where each is enforced and which tests prove it. A test or
/// check added, moved or renamed without regenerating the table fails here; regenerate with
/// <c>PORTAL_UPDATE_DOCS=1 dotnet test tests/Portal.Web.Tests --filter SecurityModelDocTests</c>.
/// </summary>
public sealed partial class SecurityModelDocTests
{
    public const int ItemCount = 38;
    private const string BeginMarker = "<!-- BEGIN GENERATED: security items (SecurityModelDocTests) -->";
    private const string EndMarker = "<!-- END GENERATED: security items -->";

    private static readonly string[] SourceExtensions = [".cs", ".razor", ".js", ".json"];
    private static readonly string[] TestExtensions = [".cs", ".razor", ".dg", ".sh", ".js"];

    [Fact]
    public void The_table_of_where_each_item_is_enforced_and_proved_is_current()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "docs", "SECURITY.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} must hold the generated table between its two markers");

        var current = document[begin..(end + EndMarker.Length)];
        var expected = Render(RepositoryRoot());
        if (current != expected && Environment.GetEnvironmentVariable("PORTAL_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..begin] + expected + document[(end + EndMarker.Length)..]);
            current = expected;
        }

        Assert.True(current == expected, "src/docs/SECURITY.md's table is out of date with the SEC-n comments; regenerate it with PORTAL_UPDATE_DOCS=1 (see this test's summary).");
    }

    [Fact]
    public void Every_item_is_stated_once_and_proved_by_at_least_one_test()
    {
        var root = RepositoryRoot();
        var document = File.ReadAllText(Path.Combine(root, "src", "docs", "SECURITY.md"));
        var stated = StatedItem().Matches(document).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var proved = Mentions(root, "tests", TestExtensions);

        Assert.Equal(Enumerable.Range(1, ItemCount), stated);
        var unproved = Enumerable.Range(1, ItemCount).Where(item => !proved.ContainsKey(item)).ToList();
        Assert.True(unproved.Count == 0, "Items without a proving test: " + string.Join(", ", unproved.Select(i => $"SEC-{i}")));
    }

    [Fact]
    public void Code_and_tests_name_only_items_the_model_states()
    {
        var root = RepositoryRoot();
        var unknown = Mentions(root, "src", SourceExtensions).Concat(Mentions(root, "tests", TestExtensions))
            .Where(pair => pair.Key is < 1 or > ItemCount)
            .Select(pair => $"SEC-{pair.Key} in {string.Join(", ", pair.Value)}");

        Assert.Empty(unknown);
    }

    internal static string Render(string root)
    {
        var enforced = Mentions(root, "src", SourceExtensions);
        var proved = Mentions(root, "tests", TestExtensions);
        var text = new StringBuilder(BeginMarker).Append("\n\n");
        text.Append("Files are relative to `src/` and `tests/`; a file counts when it names the item in a comment or a test name.\n\n");
        text.Append("| Item | Enforced in | Proved by |\n|---|---|---|\n");
        for (var item = 1; item <= ItemCount; item++)
        {
            text.Append("| SEC-").Append(item).Append(" | ")
                .Append(Cell(enforced.GetValueOrDefault(item))).Append(" | ")
                .Append(Cell(proved.GetValueOrDefault(item))).Append(" |\n");
        }

        return text.Append('\n').Append(EndMarker).ToString();
    }

    private static string Cell(IReadOnlyCollection<string>? files) =>
        files is null || files.Count == 0 ? "—" : string.Join(", ", files.Select(f => "`" + f + "`"));

    /// <summary>Item number → the files under <paramref name="top"/> that name it, sorted, paths relative to it.</summary>
    private static Dictionary<int, IReadOnlyCollection<string>> Mentions(string root, string top, string[] extensions)
    {
        var directory = Path.Combine(root, top);
        var found = new Dictionary<int, SortedSet<string>>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (!extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) || IsGenerated(relative))
            {
                continue;
            }

            foreach (Match match in Mention().Matches(File.ReadAllText(file)))
            {
                var item = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!found.TryGetValue(item, out var files))
                {
                    found[item] = files = new SortedSet<string>(StringComparer.Ordinal);
                }

                files.Add(relative);
            }
        }

        return found.ToDictionary(pair => pair.Key, pair => (IReadOnlyCollection<string>)pair.Value);
    }

    private static bool IsGenerated(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "lib") || relative.EndsWith("SecurityModelDocTests.cs", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: Portal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bSEC-(\d+)(?!\d)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^- \*\*SEC-(\d+)\*\*", RegexOptions.Multiline)]
    private static partial Regex StatedItem();
}
