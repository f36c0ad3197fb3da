namespace Portal.Web.Functions.Running;

public static class FunctionRunRetention
{
    /// <summary>Run history is kept this many days (issue 7).</summary>
    public const int Days = 30;
}
