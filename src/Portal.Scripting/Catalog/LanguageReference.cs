using System.Globalization;
using System.Text;

namespace Portal.Scripting.Catalog;

/// <summary>
/// Renders the built-in part of the language reference (<c>src/docs/LANGUAGE.md</c>) from <see cref="BuiltinCatalog"/>,
/// so the document and the engine cannot disagree: a test compares the file with this output.
/// </summary>
public static class LanguageReference
{
    /// <summary>The marker lines between which the generated reference sits in the document.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED: built-ins (LanguageReference.Render) -->";

    /// <summary>See <see cref="BeginMarker"/>.</summary>
    public const string EndMarker = "<!-- END GENERATED: built-ins -->";

    private static readonly (BuiltinReceiver Receiver, string Title, string Intro)[] Sections =
    [
        (BuiltinReceiver.Keyword, "Keywords", "Statements and constants. Keywords are case-insensitive."),
        (BuiltinReceiver.Task, "Tasks", "Statements in brackets, and calls to other saved functions."),
        (BuiltinReceiver.SystemValue, "System values", "Read-only values of the run."),
        (BuiltinReceiver.Global, "Functions", "Called by name: `name(arguments)`."),
        (BuiltinReceiver.Any, "Methods of every value", "Called on any value: `value.name(arguments)`."),
        (BuiltinReceiver.Text, "TEXT methods", "Called on text: `\"abc\".name(arguments)`."),
        (BuiltinReceiver.Number, "NUMBER and DECIMAL methods", "Called on numbers."),
        (BuiltinReceiver.List, "LIST methods", "Called on lists. An index outside the list is a runtime error naming the index and the size."),
        (BuiltinReceiver.Map, "MAP methods", "Called on maps. A missing key gives `null`."),
        (BuiltinReceiver.DateTime, "DATE-TIME methods", "Called on dates and date-times."),
        (BuiltinReceiver.File, "FILE methods", "Called on files (from `toFile` or a binary `invokeUrl` answer)."),
    ];

    /// <summary>The generated block, markers included, with <c>\n</c> line ends.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append(BeginMarker).Append('\n');
        text.Append('\n').Append(CultureInfo.InvariantCulture, $"{BuiltinCatalog.All.Count} entries. Names are case-insensitive. In a signature `x?` is optional, `x…` repeats.").Append('\n');
        foreach (var (receiver, title, intro) in Sections)
        {
            var entries = BuiltinCatalog.All.Where(e => e.Receiver == receiver).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            text.Append('\n').Append("### ").Append(title).Append(" (").Append(entries.Count).Append(")\n\n");
            text.Append(intro).Append("\n\n");
            text.Append("| Signature | Result | What it does | Example |\n|---|---|---|---|\n");
            foreach (var entry in entries)
            {
                var signature = "`" + Cell(entry.IsMethod ? "." + entry.Signature : entry.Signature) + "`";
                if (entry.HasFunctionForm && entry.IsMethod)
                {
                    signature += " (also `" + entry.Name + "(value, …)`)";
                }

                var example = entry.Example.Length == 0
                    ? ""
                    : "`" + Cell(entry.Example) + "`" + (entry.ExampleResult.Length == 0 ? "" : " → `" + Cell(entry.ExampleResult) + "`");
                text.Append("| ").Append(signature).Append(" | ").Append(Cell(entry.Result)).Append(" | ")
                    .Append(Cell(entry.Doc)).Append(" | ").Append(example).Append(" |\n");
            }
        }

        text.Append('\n').Append(EndMarker);
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
