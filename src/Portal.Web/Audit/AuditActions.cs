namespace Portal.Web.Audit;

public static class AuditActions
{
    public const string UserCreated = "user.created";
    public const string UserDeleted = "user.deleted";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
}
