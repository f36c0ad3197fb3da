namespace Portal.Web.Functions;

public enum FunctionRunStatus
{
    Succeeded,
    Failed,
    Cancelled,
}
