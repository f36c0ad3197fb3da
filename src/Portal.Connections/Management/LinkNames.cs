using System.Text;

namespace Portal.Connections.Management;

public static class LinkNames
{
    /// <summary>
    /// Link names are one namespace, as scripts name connections, so a taken name must be refused; the answer never says whose
    /// it is, whether it is private or what it connects to, and since SEC-33 knowing a link name grants nothing.
    /// </summary>
    public static string NotAvailable(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return $"The link name '{link}' is not available (link names are unique across the portal); choose a different one, e.g. '{(link.Length > 48 ? link[..48] : link)}_2'.";
    }

    /// <summary>"My Google Sheet!" → "my_google_sheet".</summary>
    public static string Derive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        var link = sb.ToString().Trim('_');
        if (link.Length == 0 || !char.IsAsciiLetterLower(link[0]))
        {
            link = "c_" + link;
        }

        return link.Length > 50 ? link[..50].TrimEnd('_') : link;
    }
}
