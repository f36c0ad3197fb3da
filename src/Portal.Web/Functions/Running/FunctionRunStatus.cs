namespace Portal.Web.Functions.Running;

public enum FunctionRunStatus
{
    Succeeded,
    Failed,
    Cancelled,
}
