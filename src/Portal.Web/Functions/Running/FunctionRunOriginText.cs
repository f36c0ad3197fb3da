namespace Portal.Web.Functions.Running;

/// <summary>How the run history names where a run came from.</summary>
public static class FunctionRunOriginText
{
    public static string Label(FunctionRunOrigin origin) => origin switch
    {
        FunctionRunOrigin.ApiKey => "API key",
        FunctionRunOrigin.Token => "Token",
        FunctionRunOrigin.Schedule => "Schedule",
        _ => "Editor",
    };
}
