using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Functions.Running;

/// <summary>Bound from <c>Portal:Functions</c>: what one run may hold, how much of its output is kept (SEC-37), and how it is stored.</summary>
public sealed class FunctionRunOptions
{
    public const string Section = "Portal:Functions";

    /// <summary>Memory a run's texts, lists and maps may take together (ScriptLimits.MaxMemoryBytes).</summary>
    [Range(1, 4096, ErrorMessage = "Portal:Functions:MaxMemoryMegabytes must be between 1 and 4096; set it to the megabytes one run may hold (default 64).")]
    public int MaxMemoryMegabytes { get; set; } = 64;

    /// <summary>Characters of a return value's JSON that are stored and answered; longer ones are cut with a note.</summary>
    [Range(1024, 100 * 1024 * 1024, ErrorMessage = "Portal:Functions:MaxReturnCharacters must be between 1024 and 104857600.")]
    public int MaxReturnCharacters { get; set; } = 1024 * 1024;

    /// <summary>Characters of a run's HTTP trace that are stored; beyond it body previews are shortened, then calls dropped, with a note.</summary>
    [Range(16 * 1024, 100 * 1024 * 1024, ErrorMessage = "Portal:Functions:MaxTraceCharacters must be between 16384 and 104857600.")]
    public int MaxTraceCharacters { get; set; } = 1024 * 1024;

    /// <summary>
    /// SQLite: true makes every commit of run history wait for the disk (synchronous=FULL), so answered runs survive a power
    /// loss too; false (default) commits without the fsync (synchronous=NORMAL): answered runs survive any crash or kill of
    /// the portal, and only a power loss or OS crash can take the latest ones.
    /// </summary>
    public bool DurableRunCommits { get; set; }
}
