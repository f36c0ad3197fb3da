namespace Portal.Web.Functions;

public static class FunctionAuditActions
{
    public const string Created = "function.created";
    public const string Saved = "function.saved";
    public const string Restored = "function.restored";
    public const string Deleted = "function.deleted";
    public const string Run = "function.run";
    public const string VisibilityChanged = "function.visibility_changed";
    public const string ApiKeyEnabled = "function.api_key_enabled";
    public const string ApiKeyRegenerated = "function.api_key_regenerated";
    public const string ApiKeyDisabled = "function.api_key_disabled";
    public const string ApiKeyDisabledByChange = "function.api_key_disabled_by_change";
    public const string ApiKeyReenabled = "function.api_key_reenabled";
    public const string ChangeRefused = "function.change_refused";
    public const string ScheduleAdded = "function.schedule_added";
    public const string ScheduleChanged = "function.schedule_changed";
    public const string ScheduleEnabled = "function.schedule_enabled";
    public const string ScheduleDisabled = "function.schedule_disabled";
    public const string ScheduleDeleted = "function.schedule_deleted";
}
