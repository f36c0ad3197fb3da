using Portal.Scripting;
using Portal.Scripting.Values;

namespace Portal.Web.Integrations;

/// <summary>The engine's hook for namespace-qualified calls: tasks of known packs run, anything else stays unknown.</summary>
internal sealed class IntegrationTaskInvoker(IntegrationPackCatalog catalog, IntegrationExecutor executor, IntegrationRunner runner) : IHostTaskInvoker
{
    public async ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken)
    {
        if (catalog.Resolve(qualifiedName) is not var (pack, taskName))
        {
            return HostTaskResult.Unknown;
        }

        var task = pack.FindTask(taskName)
            ?? throw new ScriptHostException($"integration {pack.Namespace} has no task '{taskName}'; its tasks are {string.Join(", ", pack.Tasks.Select(t => t.Name))}");
        return await executor.ExecuteAsync(pack, task, arguments, runner, cancellationToken);
    }
}
