namespace Portal.Web.Identity;

/// <summary>Documented demo accounts (README) seeded with --demo.</summary>
public static class DemoAccounts
{
    public const string Password = "Portal-demo-2026";

    public static IReadOnlyList<(string Email, string DisplayName, string Role)> Users { get; } =
    [
        ("alice@portal.local", "Alice Developer", Roles.Developer),
        ("bob@portal.local", "Bob User", Roles.User),
    ];
}
