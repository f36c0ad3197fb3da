using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>The answer of a host task: a value, or "this task is unknown here".</summary>
public sealed record HostTaskResult(bool IsKnown, ScriptValue Value)
{
    public static HostTaskResult Unknown { get; } = new(false, ScriptValue.Null);

    /// <summary>HTTP calls the task made; the run appends them to its trace and counts them against <see cref="ScriptLimits.MaxHttpCalls"/>.</summary>
    public IReadOnlyList<HttpTraceEntry> HttpCalls { get; init; } = [];

    public static HostTaskResult Of(ScriptValue value) => new(true, value);

    public static HostTaskResult Of(ScriptValue value, IReadOnlyList<HttpTraceEntry> httpCalls) => new(true, value) { HttpCalls = httpCalls };
}
