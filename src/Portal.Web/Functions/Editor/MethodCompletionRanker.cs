using Portal.Scripting.Catalog;

namespace Portal.Web.Functions.Editor;

/// <summary>Orders the editor's '.' completions: methods of the receiver's guessed type first, then the rest.</summary>
public static class MethodCompletionRanker
{
    /// <summary>The guessed receiver ("text", "list" …, or null) and every method label in the order to offer them.</summary>
    public static MethodRanking Rank(string code, int line, int column)
    {
        var dot = DotOffset(code, line, column);
        var receiver = dot < 0 ? null : ReceiverTypeGuesser.Guess(code, dot);
        var methods = DelugeCompletionCatalog.Items.Where(i => i.Kind == "method").ToList();
        if (receiver is not { } known)
        {
            return new MethodRanking(null, methods.Select(m => m.Label).ToList());
        }

        var name = DelugeCompletionCatalog.ReceiverName(known);
        var ordered = methods
            .OrderBy(m => Applies(m, name) ? 0 : Applies(m, "any") ? 1 : 2)
            .ThenBy(m => m.Label, StringComparer.OrdinalIgnoreCase)
            .Select(m => m.Label)
            .ToList();
        return new MethodRanking(name, ordered);
    }

    private static bool Applies(DelugeCompletionItem item, string receiver) =>
        item.AppliesTo?.Split(' ').Contains(receiver, StringComparer.Ordinal) == true;

    // Line and column are Monaco's (1-based); the dot is the last '.' before the word being typed.
    private static int DotOffset(string code, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line && offset >= 0; current++)
        {
            offset = code.IndexOf('\n', offset) is var newline and >= 0 ? newline + 1 : -1;
        }

        if (offset < 0)
        {
            return -1;
        }

        var cursor = Math.Min(code.Length, offset + column - 1);
        var at = cursor - 1;
        while (at >= offset && (char.IsLetterOrDigit(code[at]) || code[at] == '_'))
        {
            at--;
        }

        return at >= offset && code[at] == '.' ? at : -1;
    }
}
