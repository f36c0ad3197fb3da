namespace Portal.Web.Functions;

/// <summary>A plain line diff (longest common subsequence) for comparing two versions.</summary>
public static class LineDiff
{
    public enum Kind
    {
        Same,
        Added,
        Removed,
    }

    public sealed record Line(Kind Kind, int? OldNumber, int? NewNumber, string Text);

    public static IReadOnlyList<Line> Compute(string oldText, string newText)
    {
        var a = Split(oldText);
        var b = Split(newText);

        // Versions are small; an O(n·m) table is fine and keeps this obviously correct.
        if ((long)a.Length * b.Length > 4_000_000)
        {
            return [.. a.Select((t, i) => new Line(Kind.Removed, i + 1, null, t)), .. b.Select((t, i) => new Line(Kind.Added, null, i + 1, t))];
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                result.Add(new Line(Kind.Same, x + 1, y + 1, a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new Line(Kind.Removed, x + 1, null, a[x]));
                x++;
            }
            else
            {
                result.Add(new Line(Kind.Added, null, y + 1, b[y]));
                y++;
            }
        }

        return result;
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
