using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>The answer of a host task: a value, or "this task is unknown here".</summary>
public sealed record HostTaskResult(bool IsKnown, ScriptValue Value)
{
    public static HostTaskResult Unknown { get; } = new(false, ScriptValue.Null);

    public static HostTaskResult Of(ScriptValue value) => new(true, value);
}
