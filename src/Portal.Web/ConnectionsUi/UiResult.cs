namespace Portal.Web.ConnectionsUi;

/// <summary>Outcome of a page action; <see cref="Error"/> says what happened and what to do.</summary>
public sealed record UiResult(bool Succeeded, string? Error = null)
{
    public static UiResult Ok { get; } = new(true);

    public static UiResult Fail(string error) => new(false, error);
}
