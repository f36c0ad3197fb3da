namespace Portal.Web.Components.Account;

/// <summary>Whether a return URL stays on this site as a browser reads it: browsers drop tabs and newlines and treat <c>\</c> as <c>/</c>.</summary>
internal static class LocalReturnUrl
{
    public static bool IsLocal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return false;
        }

        var firstSegmentEnd = url.IndexOfAny(['/', '?', '#']);
        var firstSegment = firstSegmentEnd < 0 ? url : url[..firstSegmentEnd];
        return !firstSegment.Contains(':', StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative);
    }
}
