namespace Portal.Scripting.Tests.Limits;

/// <summary>Tests that measure wall time against a budget run alone, not beside the CPU-heavy fuzz and conformance tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing-sensitive limits";
}
