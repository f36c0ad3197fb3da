namespace Portal.Web.Functions;

public static class FunctionAuditActions
{
    public const string Created = "function.created";
    public const string Saved = "function.saved";
    public const string Restored = "function.restored";
    public const string Deleted = "function.deleted";
    public const string Run = "function.run";
}
