using Portal.Scripting;
using Portal.Scripting.Values;
using Portal.Web.Variables;

namespace Portal.Web.Integrations;

/// <summary>The engine's hook for namespace-qualified calls: tasks of known packs run, anything else stays unknown.</summary>
internal sealed class IntegrationTaskInvoker(IntegrationPackCatalog catalog, IntegrationExecutor executor, IntegrationRunner runner, OrgVariables? variables = null) : IHostTaskInvoker
{
    public const string GetOrgVariable = "zoho.crm.getOrgVariable";

    public async ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken)
    {
        if (catalog.Resolve(qualifiedName) is not var (pack, taskName))
        {
            return HostTaskResult.Unknown;
        }

        var task = pack.FindTask(taskName)
            ?? throw new ScriptHostException($"integration {pack.Namespace} has no task '{taskName}'; its tasks are {string.Join(", ", pack.Tasks.Select(t => t.Name))}");

        // The portal's own org variables (Setup › Variables) answer without a CRM binding, so they work offline.
        if (variables is not null && string.Equals(qualifiedName, GetOrgVariable, StringComparison.OrdinalIgnoreCase)
            && arguments is [ScriptText name, ..] && await variables.ValueOfAsync(name.Value, cancellationToken) is { } value)
        {
            return HostTaskResult.Of(ScriptValue.Text(value), []);
        }

        return await executor.ExecuteAsync(pack, task, arguments, runner, cancellationToken);
    }
}
