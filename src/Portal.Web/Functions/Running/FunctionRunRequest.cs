using Portal.Scripting.Values;

namespace Portal.Web.Functions.Running;

/// <summary>
/// What to run: a saved function (FunctionId), optionally with the editor's unsaved Code/Arguments,
/// or bare Code with Arguments when there is no function yet.
/// </summary>
public sealed record FunctionRunRequest
{
    public int? FunctionId { get; init; }

    public string? Code { get; init; }

    public IReadOnlyList<FunctionArgument>? Arguments { get; init; }

    public IReadOnlyDictionary<string, ScriptValue> Values { get; init; } = new Dictionary<string, ScriptValue>();
}
