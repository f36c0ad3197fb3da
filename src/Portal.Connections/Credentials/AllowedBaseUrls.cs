namespace Portal.Connections.Credentials;

/// <summary>SEC-12: scheme, host and port must match exactly and the path must start with the base path (which ends with '/').</summary>
public static class AllowedBaseUrls
{
    public static bool Matches(Uri url, IEnumerable<string> allowedBaseUrls)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowedBaseUrls);
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        foreach (var raw in allowedBaseUrls)
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var b) || !b.AbsolutePath.EndsWith('/'))
            {
                continue;
            }

            if (string.Equals(url.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(url.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
                url.Port == b.Port &&
                url.AbsolutePath.StartsWith(b.AbsolutePath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
