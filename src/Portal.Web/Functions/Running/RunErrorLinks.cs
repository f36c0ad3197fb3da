using System.Text.RegularExpressions;

namespace Portal.Web.Functions.Running;

/// <summary>Turns the portal paths inside a run error ("Open /connections/x …") into readable in-app links.</summary>
internal static partial class RunErrorLinks
{
    public static IReadOnlyList<RunErrorPart> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = new List<RunErrorPart>();
        var at = 0;
        foreach (Match match in PortalPath().Matches(message))
        {
            if (match.Index > at)
            {
                parts.Add(new RunErrorPart(message[at..match.Index]));
            }

            parts.Add(match.Groups["menu"].Success
                ? new RunErrorPart(match.Groups["menu"].Value, match.Groups["page"].Value)
                : new RunErrorPart($"connection '{match.Groups["link"].Value}'", $"/connections/{match.Groups["link"].Value}"));
            at = match.Index + match.Length;
        }

        if (at < message.Length)
        {
            parts.Add(new RunErrorPart(message[at..]));
        }

        return parts;
    }

    // A menu name followed by its path in brackets becomes one link; a bare /connections/x names the connection.
    [GeneratedRegex(@"(?<menu>Users & Control › [A-Z][a-z]+) \((?<page>/admin/[a-z]+)\)|/connections/(?<link>[a-z][a-z0-9_]{0,49})\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PortalPath();
}
