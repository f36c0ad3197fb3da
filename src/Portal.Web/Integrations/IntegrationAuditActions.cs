namespace Portal.Web.Integrations;

public static class IntegrationAuditActions
{
    public const string Bound = "integration.bound";
    public const string Unbound = "integration.unbound";

    /// <summary>One task call that ran with the binding admin's authorization.</summary>
    public const string TaskAsAdmin = "integration.task_as_admin";
}
