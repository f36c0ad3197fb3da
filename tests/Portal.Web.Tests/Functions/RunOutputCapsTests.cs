using System.Text.Json;
using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

/// <summary>SEC-37: what a run stores is bounded, and a cut says so where the reader looks.</summary>
public sealed class RunOutputCapsTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    // SEC-37
    [Fact]
    public void A_trace_over_the_cap_keeps_short_body_previews_and_says_it_was_truncated()
    {
        var trace = Enumerable.Range(0, 40).Select(i => new HttpTraceEntry
        {
            Method = "GET", Url = $"https://api.example.com/{i}", StatusCode = 200, ResponseBodyPreview = new string('b', HttpTraceEntry.MaxBodyPreview),
        }).ToList();

        var json = RunOutputCaps.Trace(trace, 100_000);

        Assert.True(json.Length <= 100_000, $"{json.Length:N0} characters kept");
        var kept = JsonSerializer.Deserialize<List<HttpTraceEntry>>(json, WebJson)!;
        Assert.Equal(40, kept.Count);
        Assert.All(kept, t => Assert.StartsWith("trace truncated: the run's trace was", t.Error, StringComparison.Ordinal));
        Assert.All(kept, t => Assert.True(t.ResponseBodyPreview!.Length <= 1025));
    }

    // SEC-37
    [Fact]
    public void A_trace_still_too_long_after_shortening_keeps_its_first_calls_and_says_how_many()
    {
        var trace = Enumerable.Range(0, 100).Select(i => new HttpTraceEntry
        {
            Method = "GET", Url = $"https://api.example.com/{new string('p', 2000)}/{i}", StatusCode = 200,
        }).ToList();

        var json = RunOutputCaps.Trace(trace, 50_000);

        Assert.True(json.Length <= 50_000, $"{json.Length:N0} characters kept");
        var kept = JsonSerializer.Deserialize<List<HttpTraceEntry>>(json, WebJson)!;
        Assert.InRange(kept.Count, 1, 25);
        Assert.EndsWith($"only the first {kept.Count} of 100 calls are kept", kept[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_value_within_the_cap_is_kept_as_it_is()
    {
        var value = new ScriptText("short");

        Assert.Equal("\"short\"", RunOutputCaps.ReturnJson(value, 1024));
    }
}
