namespace Portal.Sandbox.Authorization;

/// <summary>The cookie that remembers who signed in to Sandbox Cloud (not the OAuth tokens).</summary>
internal static class SandboxLogin
{
    public const string Scheme = "SandboxCloudLogin";

    // Explicit names: the portal runs on the same host (another port) and cookies are not isolated by port.
    public const string CookieName = ".SandboxCloud.Login";
    public const string AntiforgeryCookieName = ".SandboxCloud.Antiforgery";

    /// <summary>Only same-site relative paths, so the login form cannot be used as an open redirect.</summary>
    /// <remarks>Browsers strip tabs and newlines from a Location (<c>/\t/evil</c> becomes <c>//evil</c>), so any control or space character refuses the URL.</remarks>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
}
