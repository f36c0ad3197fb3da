namespace Portal.Connections;

public static class ConnectionsRoles
{
    public const string Admin = "Admin";
    public const string Developer = "Developer";
    public const string User = "User";
}
