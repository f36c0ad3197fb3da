using Portal.Scripting.Http;

namespace Portal.Scripting;

/// <summary>Thrown by host hooks to raise an error the script can catch with try/catch.</summary>
public sealed class ScriptHostException(string message, IReadOnlyList<HttpTraceEntry>? httpCalls = null) : Exception(message)
{
    /// <summary>HTTP calls made before the failure; they still appear in the run's trace and count against its limit.</summary>
    public IReadOnlyList<HttpTraceEntry> HttpCalls { get; } = httpCalls ?? [];
}
