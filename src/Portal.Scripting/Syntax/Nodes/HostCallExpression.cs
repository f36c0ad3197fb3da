using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>A namespace-qualified call the host resolves: a saved function (standalone.fn(…), automation.fn(…) …) or an integration task like zoho.crm.getRecords(…).</summary>
internal sealed class HostCallExpression(string qualifiedName, string? savedFunctionNamespace, ExpressionNode[] arguments, TextSpan span)
    : ExpressionNode(ExpressionKind.HostCall, span)
{
    /// <summary>The task's full name, or the saved function's name without its namespace.</summary>
    public string QualifiedName { get; } = qualifiedName;

    /// <summary>standalone, automation, button or thisapp for a saved function; null for a task.</summary>
    public string? SavedFunctionNamespace { get; } = savedFunctionNamespace;

    public bool IsStandalone => SavedFunctionNamespace is not null;

    /// <summary>The call as the author wrote it, for messages: standalone.fn or zoho.crm.getRecords.</summary>
    public string DisplayName => SavedFunctionNamespace is null ? QualifiedName : SavedFunctionNamespace + "." + QualifiedName;

    public ExpressionNode[] Arguments { get; } = arguments;
}
