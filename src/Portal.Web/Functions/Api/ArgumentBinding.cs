using Portal.Scripting.Values;

namespace Portal.Web.Functions.Api;

/// <summary>The typed argument values of an execute call, or the argument that could not be converted.</summary>
internal sealed record ArgumentBinding(IReadOnlyDictionary<string, ScriptValue> Values, string? BadArgument, string? Error)
{
    public static ArgumentBinding Ok(IReadOnlyDictionary<string, ScriptValue> values) => new(values, null, null);

    public static ArgumentBinding Fail(string argument, string error) => new(new Dictionary<string, ScriptValue>(), argument, error);
}
