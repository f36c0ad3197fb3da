using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Functions.Running;

/// <summary>
/// How many runs one user may have in progress and start per minute (SEC-28), bound from <c>Portal:Runs</c>.
/// Changes in appsettings.json apply to the next run without a restart.
/// </summary>
public sealed class FunctionRunGateOptions
{
    public const string Section = "Portal:Runs";

    /// <summary>Runs one user may have in progress at once, over every surface (editor, execute API, CLI, schedules).</summary>
    [Range(1, 10_000, ErrorMessage = "Portal:Runs:MaxConcurrentPerUser must be between 1 and 10000; set it to the runs one user may have in progress at once (default 3).")]
    public int MaxConcurrentPerUser { get; set; } = 3;

    /// <summary>Runs one user may start in any sliding minute; a refused start does not count.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:Runs:MaxStartsPerMinutePerUser must be between 1 and 10000000; set it to the runs one user may start per minute (default 60).")]
    public int MaxStartsPerMinutePerUser { get; set; } = 60;
}
