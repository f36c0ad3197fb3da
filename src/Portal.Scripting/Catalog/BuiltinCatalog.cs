namespace Portal.Scripting.Catalog;

/// <summary>
/// The one registry of the language: keywords, tasks, system values, functions and methods. The parser's name tables,
/// check's arity errors, the editor's completion and hover and the Monaco keyword list are all built from it.
/// </summary>
public static class BuiltinCatalog
{
    public static IReadOnlyList<BuiltinEntry> All { get; } = Build();

    public static IEnumerable<BuiltinEntry> For(BuiltinReceiver receiver) =>
        All.Where(e => e.Receiver == receiver || (e.Receiver == BuiltinReceiver.Any && receiver is not (BuiltinReceiver.Global or BuiltinReceiver.Keyword or BuiltinReceiver.Task or BuiltinReceiver.SystemValue)));

    public static IEnumerable<BuiltinEntry> Find(string name) =>
        All.Where(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The words Monaco colours as keywords: every keyword entry, split into single words.</summary>
    public static IReadOnlyList<string> KeywordWords { get; } = All
        .Where(e => e.Receiver is BuiltinReceiver.Keyword && e.Result != "constant")
        .SelectMany(e => e.Name.Split(' '))
        .Select(w => w.ToLowerInvariant())
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<BuiltinEntry> Build()
    {
        var builder = new CatalogBuilder();
        LanguageBuiltins.Declare(builder);
        GlobalBuiltins.Declare(builder);
        TextBuiltins.Declare(builder);
        TextMoreBuiltins.Declare(builder);
        ListBuiltins.Declare(builder);
        MapBuiltins.Declare(builder);
        NumberBuiltins.Declare(builder);
        DateTimeBuiltins.Declare(builder);
        FileBuiltins.Declare(builder);
        return builder.Entries;
    }
}
