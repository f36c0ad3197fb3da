using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>
/// Runs namespace-qualified tasks the engine does not know (e.g. zoho.crm.getRecords).
/// Throw <see cref="ScriptHostException"/> for a failure the script may catch.
/// </summary>
public interface IHostTaskInvoker
{
    ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken);
}
