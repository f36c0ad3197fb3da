namespace Portal.Web.Identity;

/// <summary>How often a sign-in cookie and an open circuit are checked against the user's security stamp (SEC-38: within 10 s).</summary>
internal static class SessionRevalidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
}
