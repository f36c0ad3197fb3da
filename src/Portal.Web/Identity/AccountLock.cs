namespace Portal.Web.Identity;

/// <summary>
/// Identity keeps one LockoutEnd for two things: a few minutes after wrong passwords, and "until the end of time" when an
/// admin locks the account. Only the admin's lock stops tokens and keys; anyone can cause the other (SEC-38).
/// </summary>
internal static class AccountLock
{
    public static readonly DateTimeOffset ByAdminUntil = DateTimeOffset.MaxValue;

    private static readonly DateTimeOffset ByAdminThreshold = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= ByAdminThreshold;
}
