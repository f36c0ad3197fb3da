using System.Text.RegularExpressions;

namespace Portal.Web.Functions.Editor;

/// <summary>Warns, while typing, about <c>connection: "name"</c> naming no connection the user may use (the run would fail).</summary>
internal static partial class UnknownConnectionMarkers
{
    public static IReadOnlyList<EditorMarker> Find(string code, IReadOnlyCollection<string> known)
    {
        var markers = new List<EditorMarker>();
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        foreach (Match match in ConnectionKey().Matches(code))
        {
            for (; scanned < match.Index; scanned++)
            {
                if (code[scanned] == '\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            var name = match.Groups["name"];
            if (name.Length == 0 || known.Contains(name.Value, StringComparer.Ordinal) || IsCommentedOut(code, lineStart, match.Index))
            {
                continue;
            }

            var column = name.Index - lineStart + 1;
            markers.Add(new EditorMarker(line, column, line, column + name.Length, Message(name.Value, known), EditorMarker.Warning));
        }

        return markers;
    }

    private static string Message(string name, IReadOnlyCollection<string> known) => known.Count == 0
        ? $"You have no connection named '{name}', so this call will fail. Create it under Setup › Developer Space › Connections."
        : $"You have no connection named '{name}', so this call will fail. Use one of: {string.Join(", ", known.Order(StringComparer.Ordinal).Take(8))}{(known.Count > 8 ? ", …" : "")}.";

    private static bool IsCommentedOut(string code, int lineStart, int index) => code.AsSpan(lineStart, index - lineStart).Contains("//", StringComparison.Ordinal);

    [GeneratedRegex(@"\bconnection\s*:\s*""(?<name>[^""\r\n]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ConnectionKey();
}
