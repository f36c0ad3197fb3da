using System.Globalization;
using System.Text.Json;
using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Web.Functions.Running;

/// <summary>Keeps what a run hands back and stores bounded (SEC-37): cut values say so, in the value itself.</summary>
internal static class RunOutputCaps
{
    private const int ShortPreview = 1024;

    /// <summary>The return value's JSON, or, when longer than <paramref name="max"/>, a JSON text with its start and a note.</summary>
    public static string? ReturnJson(ScriptValue? value, int max)
    {
        var json = value?.ToJson();
        if (json is null || json.Length <= max)
        {
            return json;
        }

        var note = string.Create(CultureInfo.InvariantCulture,
            $"… (return value truncated at {max:N0} characters; it was {json.Length:N0}. Return less data, e.g. a page or a summary.)");
        return JsonSerializer.Serialize(json[..Math.Max(0, max - note.Length)] + note);
    }

    /// <summary>The trace's JSON within <paramref name="max"/> characters: first body previews shrink, then the last calls go.</summary>
    public static string Trace(IReadOnlyList<HttpTraceEntry> trace, int max)
    {
        var json = FunctionMapping.WriteTrace(trace);
        if (json.Length <= max)
        {
            return json;
        }

        var note = $"trace truncated: the run's trace was {json.Length:N0} characters, over the {max:N0} kept, so body previews are cut to {ShortPreview:N0} characters";
        List<HttpTraceEntry> shortened = [.. trace.Select(t => t with
        {
            RequestBodyPreview = Cut(t.RequestBodyPreview),
            ResponseBodyPreview = Cut(t.ResponseBodyPreview),
            Error = t.Error is null ? note : $"{t.Error}; {note}",
        })];
        json = FunctionMapping.WriteTrace(shortened);
        var total = shortened.Count;
        while (json.Length > max && shortened.Count > 1)
        {
            shortened.RemoveRange(shortened.Count / 2, shortened.Count - (shortened.Count / 2));
            var last = shortened[^1];
            shortened[^1] = last with { Error = $"{last.Error}; only the first {shortened.Count} of {total} calls are kept" };
            json = FunctionMapping.WriteTrace(shortened);
        }

        return json.Length <= max ? json : FunctionMapping.WriteTrace([]);
    }

    private static string? Cut(string? text) => text is null || text.Length <= ShortPreview ? text : text[..ShortPreview] + "…";
}
