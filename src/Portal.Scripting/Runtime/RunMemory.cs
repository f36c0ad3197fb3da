using System.Runtime.CompilerServices;

namespace Portal.Scripting.Runtime;

/// <summary>
/// A run's memory budget (SEC-37). Every text and collection storage the run creates is charged and nothing is released,
/// so the count is an upper bound of what the run's live values hold. A run executes on its own thread, so the meter is
/// thread-static and value constructors charge it without being handed the run.
/// </summary>
internal sealed class RunMemory(long budget)
{
    /// <summary>What a text object and its string header cost besides the characters.</summary>
    public const int TextOverhead = 56;

    /// <summary>What one new map entry costs besides its key's characters (entry, bucket, growth).</summary>
    public const int MapEntryOverhead = 64;

    /// <summary>Texts longer than this are checked against the budget before they are built.</summary>
    public const int PrecheckedTextLength = 64 * 1024;

    [ThreadStatic]
    private static RunMemory? current;

    private long charged;

    public long Budget { get; } = budget;

    public long Charged => charged;

    /// <summary>Installs <paramref name="meter"/> for the current thread and returns the previous one.</summary>
    public static RunMemory? Enter(RunMemory? meter)
    {
        var previous = current;
        current = meter;
        return previous;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Charge(long bytes) => current?.Add(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ChargeText(int length) => current?.Add(TextOverhead + 2L * length);

    /// <summary>Refuses before allocating when <paramref name="bytes"/> more would not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureRoom(long bytes)
    {
        if (current is { } meter && meter.charged + bytes > meter.Budget)
        {
            throw meter.Exceeded(meter.charged + bytes);
        }
    }

    private void Add(long bytes)
    {
        charged += bytes;
        if (charged > Budget)
        {
            throw Exceeded(charged);
        }
    }

    private ScriptLimitException Exceeded(long wanted) =>
        new($"memory limit exceeded: the run's texts, lists and maps would take {Megabytes(wanted)}, over the run's memory budget of {Megabytes(Budget)} ({Budget:N0} bytes); " +
            "work with less data at a time (paging, smaller batches), or ask an admin to raise the budget (Portal:Functions:MaxMemoryMegabytes)");

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
