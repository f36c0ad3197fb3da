namespace Portal.Web.Functions.Running;

public enum FunctionRunOrigin
{
    Editor,
    ApiKey,
    Token,

    /// <summary>Started by one of the function's schedules, as the schedule's run-as user.</summary>
    Schedule,
}
