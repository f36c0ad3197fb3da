using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Limits;

/// <summary>SEC-37: a run's texts and collections share one memory budget (issue 15, F5).</summary>
[Collection(TimingCollection.Name)]
public sealed class MemoryBudgetTests
{
    private const long Megabyte = 1024 * 1024;

    private static readonly string Hundred = "{" + string.Join(",", Enumerable.Range(1, 100)) + "}";

    private static readonly string TwoHundred = "{" + string.Join(",", Enumerable.Range(1, 200)) + "}";

    // SEC-37
    [Fact]
    public async Task A_list_of_a_hundred_ten_million_character_texts_stops_at_the_default_budget_within_a_fifth_over_it()
    {
        var source = $$"""
            big = "x".leftPad(10000000);
            l = List();
            for each i in {{Hundred}} { l.add(big + i); }
            return l.size();
            """;

        var result = await RunAsync(source, ScriptLimits.Default);

        Assert.NotNull(result.Error);
        Assert.StartsWith("memory limit exceeded:", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("memory budget of 64 MB (67,108,864 bytes)", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Error.Line);
        Assert.True(result.AllocatedBytes <= 1.2 * ScriptLimits.Default.MaxMemoryBytes,
            $"the run allocated {result.AllocatedBytes:N0} bytes before it was stopped, more than 1.2 × {ScriptLimits.Default.MaxMemoryBytes:N0}");
    }

    // SEC-37
    [Fact]
    public async Task Texts_built_by_doubling_stop_at_a_configured_budget_within_a_fifth_over_it()
    {
        var limits = new ScriptLimits { MaxMemoryBytes = 16 * Megabyte };
        var source = $$"""
            t = "0123456789";
            kept = List();
            for each i in {{Hundred}} { t = t + t; kept.add(t); }
            return kept.size();
            """;

        var result = await RunAsync(source, limits);

        Assert.NotNull(result.Error);
        Assert.Contains("over the run's memory budget of 16 MB (16,777,216 bytes)", result.Error.Message, StringComparison.Ordinal);
        Assert.True(result.AllocatedBytes <= 1.2 * limits.MaxMemoryBytes, $"allocated {result.AllocatedBytes:N0} bytes");
    }

    // SEC-37
    [Fact]
    public async Task A_map_with_many_small_keys_counts_against_the_budget_too()
    {
        var limits = new ScriptLimits { MaxMemoryBytes = 4 * Megabyte };
        var source = $$"""
            m = Map();
            for each i in {{TwoHundred}} { for each j in {{TwoHundred}} { m.put("k" + i + "-" + j, j); } }
            return m.size();
            """;

        var result = await RunAsync(source, limits);

        Assert.NotNull(result.Error);
        Assert.StartsWith("memory limit exceeded:", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("4 MB", result.Error.Message, StringComparison.Ordinal);
    }

    // SEC-37
    [Fact]
    public async Task Copies_of_a_large_list_count_against_the_budget()
    {
        var limits = new ScriptLimits { MaxMemoryBytes = 8 * Megabyte };
        var source = $$"""
            l = List();
            for each i in {{TwoHundred}} { for each j in {{TwoHundred}} { l.add(j); } }
            copies = List();
            for each i in {{Hundred}} { copies.add(l.sublist(0, l.size())); }
            return copies.size();
            """;

        var result = await RunAsync(source, limits);

        Assert.NotNull(result.Error);
        Assert.StartsWith("memory limit exceeded:", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Error.Line);
    }

    // SEC-37
    [Fact]
    public async Task A_script_catching_errors_cannot_catch_the_memory_limit()
    {
        var limits = new ScriptLimits { MaxMemoryBytes = 8 * Megabyte };
        var source = $$"""
            l = List();
            try { for each i in {{Hundred}} { l.add("x".leftPad(1000000) + i); } } catch (e) { info "caught"; }
            return "finished";
            """;

        var result = await RunAsync(source, limits);

        Assert.NotNull(result.Error);
        Assert.StartsWith("memory limit exceeded:", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Info);
    }

    [Fact]
    public async Task A_run_well_under_the_budget_is_not_stopped_and_values_built_after_it_are_not_charged()
    {
        var limits = new ScriptLimits { MaxMemoryBytes = 8 * Megabyte };
        var source = """
            t = "x".leftPad(1000000);
            return t.length();
            """;

        var first = await RunAsync(source, limits);
        var second = await RunAsync(source, limits);

        Assert.Null(first.Error);
        Assert.Null(second.Error);
        Assert.Equal("1000000", first.ReturnValue!.ToJson());
    }

    private static Task<RunResult> RunAsync(string source, ScriptLimits limits)
    {
        var script = ScriptEngine.Compile(source);
        Assert.Empty(script.Diagnostics);
        return ScriptEngine.RunAsync(script, null, TestHost.Create(), limits);
    }
}
