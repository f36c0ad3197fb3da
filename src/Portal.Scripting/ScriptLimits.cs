namespace Portal.Scripting;

/// <summary>Per-run limits (src/docs/LANGUAGE.md, "Limits"); every one is configurable.</summary>
public sealed record ScriptLimits
{
    public static ScriptLimits Default { get; } = new();

    public long MaxStatements { get; init; } = 200_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxHttpCalls { get; init; } = 100;

    public int MaxCallDepth { get; init; } = 75;

    public int MaxOutputBytes { get; init; } = 1024 * 1024;

    public int MaxTextLength { get; init; } = 10 * 1024 * 1024;

    public int MaxCollectionSize { get; init; } = 1_000_000;

    public int MaxResponseBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Memory a run's live texts and collections may hold together (SEC-37).</summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxMailsPerRun { get; init; } = 20;

    public int MaxRecipientsPerMail { get; init; } = 50;

    public int MaxSourceNesting { get; init; } = 256;

    public int MaxSourceLength { get; init; } = 1024 * 1024;

    /// <summary>Time a single regular-expression match may take before it is abandoned.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
