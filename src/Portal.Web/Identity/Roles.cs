namespace Portal.Web.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Developer = "Developer";
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, Developer, User];
}
