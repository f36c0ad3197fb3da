using Portal.Scripting.Runtime;
using Portal.Scripting.Syntax;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>Entry point: parse (for the editor), compile, and run scripts under limits.</summary>
public static class ScriptEngine
{
    /// <summary>All compile errors of <paramref name="source"/>; fast enough to call on every keystroke.</summary>
    public static ParseResult Parse(string source, ScriptLimits? limits = null) => new(Compile(source, limits).Diagnostics);

    public static CompiledScript Compile(string source, ScriptLimits? limits = null)
    {
        limits ??= ScriptLimits.Default;
        var text = new SourceText(source);
        var diagnostics = new DiagnosticBag(text);
        if (source.Length > limits.MaxSourceLength)
        {
            diagnostics.ReportSourceTooLong(source.Length, limits.MaxSourceLength);
            return new CompiledScript(source, text, new BlockStatement([], new TextSpan(0, 0)), new Dictionary<string, int>(), diagnostics.ToList());
        }

        using var parser = new Parser(text, diagnostics, limits.MaxSourceNesting);
        var root = parser.ParseScript();
        return new CompiledScript(source, text, root, parser.Slots, diagnostics.ToList()) { Header = parser.Header };
    }

    public static Task<RunResult> RunAsync(
        CompiledScript script,
        IReadOnlyDictionary<string, ScriptValue>? arguments,
        ScriptHost host,
        ScriptLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(host);
        limits ??= ScriptLimits.Default;
        if (!script.Success)
        {
            var first = script.Errors.First();
            return Task.FromResult(new RunResult { Info = [], Error = new ScriptError(first.Message, first.Line, first.Column) });
        }

        var completion = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        RunThreads.Start(() =>
        {
            try
            {
                completion.SetResult(Execute(script, arguments, host, limits, cancellationToken));
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    private static RunResult Execute(CompiledScript script, IReadOnlyDictionary<string, ScriptValue>? arguments, ScriptHost host, ScriptLimits limits, CancellationToken cancellationToken)
    {
        var started = host.TimeProvider.GetTimestamp();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var previousMeter = RunMemory.Enter(new RunMemory(limits.MaxMemoryBytes));
        using var timeout = new CancellationTokenSource(limits.Timeout, host.TimeProvider);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var state = new RunState(limits, host, deadline.Token, cancellationToken);
        var evaluator = new Evaluator(script, state);
        ScriptValue? returnValue = null;
        var error = BindArguments(script, evaluator, arguments, limits);
        try
        {
            if (error is null)
            {
                returnValue = evaluator.Run();
            }
        }
        catch (ScriptRuntimeException e)
        {
            var (line, column) = e.Span is { } span ? script.Text.GetLineColumn(Math.Min(span.Start, script.Text.Length)) : (0, 0);
            error = new ScriptError(e.Message, line, column);
        }
        catch (Exception e)
        {
            // Never let a bug in the engine take the host down; report it as the run's error.
            error = new ScriptError($"internal error ({e.GetType().Name}): {e.Message}; please report this script", 0, 0);
        }
        finally
        {
            // Values built after the run (e.g. by the host from the return value) are not the run's to pay for.
            RunMemory.Enter(previousMeter);
        }

        return new RunResult
        {
            Info = state.Info,
            ReturnValue = error is null ? returnValue : null,
            Error = error,
            StatementsExecuted = state.Statements,
            Elapsed = host.TimeProvider.GetElapsedTime(started),
            HttpCalls = state.HttpCalls,
            Mails = state.Mails,
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore,
        };
    }

    // A header's arguments are converted to their declared types; a declared argument that is not given is null, as in Zoho.
    private static ScriptError? BindArguments(CompiledScript script, Evaluator evaluator, IReadOnlyDictionary<string, ScriptValue>? arguments, ScriptLimits limits)
    {
        arguments ??= new Dictionary<string, ScriptValue>();
        if (script.Header is not { } header)
        {
            foreach (var (name, value) in arguments)
            {
                evaluator.Bind(name, value);
            }

            return null;
        }

        var given = new Dictionary<string, ScriptValue>(arguments, StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in header.Parameters)
        {
            var value = given.GetValueOrDefault(parameter.Name) ?? ScriptNull.Instance;
            if (ArgumentBinder.Convert(parameter, value, limits) is not { } converted)
            {
                return new ScriptError(ArgumentBinder.Describe(parameter, value), header.Line, header.Column);
            }

            evaluator.Bind(parameter.Name, converted);
            given.Remove(parameter.Name);
        }

        foreach (var (name, value) in given)
        {
            evaluator.Bind(name, value);
        }

        return null;
    }
}
