namespace Portal.Web.Data;

/// <summary>
/// One counted start under a per-minute limit shared by every instance on PostgreSQL (SEC-28): a run start of a user or
/// an execute API call of a user or key. Rows older than the window are deleted when the same key counts again.
/// </summary>
public sealed class RunLimitStart
{
    public long Id { get; set; }

    /// <summary>What is limited, e.g. <c>run:USERID</c> or <c>execute-user:USERID</c>.</summary>
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }
}
