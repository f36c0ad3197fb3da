using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

internal sealed partial class Evaluator
{
    private ScriptValue EvaluateHostCall(HostCallExpression call)
    {
        var arguments = EvaluateArguments(call.Arguments);
        return call.IsStandalone ? CallStandalone(call, arguments) : CallHostTask(call, arguments);
    }

    private ScriptValue CallStandalone(HostCallExpression call, ScriptValue[] arguments)
    {
        var resolver = state.Host.Functions
            ?? throw new ScriptRuntimeException($"{call.DisplayName}() cannot be called here: saved functions are only available inside the portal (or, with the CLI, as {call.QualifiedName}.dg beside the script)", call.Span);
        var function = resolver.ResolveAsync(call.QualifiedName, state.Token).AsTask().GetAwaiter().GetResult()
            ?? throw new ScriptRuntimeException($"there is no saved function with API name '{call.QualifiedName}'; check the name on the function's page", call.Span);
        if (!function.Script.Success)
        {
            var first = function.Script.Errors.First();
            throw new ScriptRuntimeException($"{call.DisplayName} has errors (line {first.Line}: {first.Message}); fix that function first", call.Span);
        }

        if (function.ParameterNames.Count != arguments.Length)
        {
            throw new ScriptRuntimeException($"{call.DisplayName} takes {function.ParameterNames.Count} argument(s) but got {arguments.Length}", call.Span);
        }

        if (state.CallDepth + 1 > state.Limits.MaxCallDepth)
        {
            throw new ScriptLimitException($"call depth limit exceeded: more than {state.Limits.MaxCallDepth} nested function calls; check for a function that keeps calling itself", call.Span);
        }

        var nested = new Evaluator(function.Script, state);
        var header = function.Script.Header;
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i];
            if (header is not null && i < header.Parameters.Count)
            {
                value = ArgumentBinder.Convert(header.Parameters[i], value, state.Limits) is { } converted
                    ? converted
                    : throw new ScriptRuntimeException($"{call.DisplayName}: {ArgumentBinder.Describe(header.Parameters[i], value)}", call.Span);
            }

            nested.Bind(function.ParameterNames[i], value);
        }

        state.CallDepth++;
        try
        {
            return nested.Run() ?? ScriptNull.Instance;
        }
        catch (ScriptRuntimeException e)
        {
            var (line, _) = e.Span is { } span ? function.Script.Text.GetLineColumn(span.Start) : (0, 0);
            var message = $"in {call.DisplayName} at line {line}: {e.Message}";
            throw e is ScriptLimitException ? new ScriptLimitException(message, call.Span) : new ScriptRuntimeException(message, call.Span);
        }
        finally
        {
            state.CallDepth--;
        }
    }

    private ScriptValue CallHostTask(HostCallExpression call, ScriptValue[] arguments)
    {
        var tasks = state.Host.Tasks;
        if (tasks is not null)
        {
            // Every integration task sends a request, so an exhausted budget stops the run before the task sends one.
            if (state.HttpCallCount >= state.Limits.MaxHttpCalls)
            {
                throw HttpLimitExceeded(call);
            }

            HostTaskResult result;
            try
            {
                result = tasks.InvokeAsync(call.QualifiedName, arguments, state.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (state.Token.IsCancellationRequested)
            {
                state.ThrowCancelled(call.Span);
                throw;
            }
            catch (ScriptHostException e)
            {
                RecordTaskCalls(call, e.HttpCalls);
                throw new ScriptRuntimeException(e.Message, call.Span);
            }

            if (result.IsKnown)
            {
                RecordTaskCalls(call, result.HttpCalls);
                return result.Value;
            }
        }

        throw new ScriptRuntimeException(
            TaskPacks.MissingPackMessage(call.QualifiedName)
                ?? $"unknown task '{call.QualifiedName}'; this portal does not provide it — check the spelling or use invokeUrl to call the API directly",
            call.Span);
    }

    // A task's calls share the run's HTTP budget with invokeUrl; one task making several calls is caught after it answered.
    private void RecordTaskCalls(HostCallExpression call, IReadOnlyList<Http.HttpTraceEntry> calls)
    {
        state.HttpCalls.AddRange(calls);
        state.HttpCallCount += calls.Count;
        if (state.HttpCallCount > state.Limits.MaxHttpCalls)
        {
            throw HttpLimitExceeded(call);
        }
    }

    private ScriptLimitException HttpLimitExceeded(HostCallExpression call) =>
        new($"HTTP call limit exceeded: more than {state.Limits.MaxHttpCalls} calls (invokeUrl and integration tasks) in one run; batch the requests or split the work", call.Span);
}
