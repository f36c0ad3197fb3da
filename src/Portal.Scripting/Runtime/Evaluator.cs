using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Portal.Scripting.Http;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Tree-walking evaluator over the immutable AST; variables live in slots resolved at parse time.</summary>
internal sealed partial class Evaluator(CompiledScript script, RunState state)
{
    // Slot is a struct so that storing a value is a plain write (a ScriptValue?[] checks each store's type).
    private readonly Slot[] _slots = new Slot[script.Slots.Count];
    private ScriptValue? _returnValue;

    public CompiledScript Script => script;

    internal RunState State => state;

    public void Bind(string name, ScriptValue value)
    {
        if (script.Slots.TryGetValue(name, out var slot))
        {
            _slots[slot].Value = value;
        }
    }

    /// <summary>Runs the script; returns the returned value, or null when there was no 'return value;'.</summary>
    public ScriptValue? Run()
    {
        if (script.TreeWalk)
        {
            ExecuteStatements(script.Root.Statements);
            return _returnValue;
        }

        var statements = script.Body;
        for (var i = 0; i < statements.Length; i++)
        {
            if (statements[i](this) != Flow.Normal)
            {
                break;
            }
        }

        return _returnValue;
    }

    private Flow ExecuteBlock(BlockStatement block)
    {
        if (++state.EvaluationDepth > RunState.MaxEvaluationDepth || ((state.EvaluationDepth & 63) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw new ScriptLimitException("nesting limit exceeded: blocks and calls are nested too deeply; simplify the code", block.Span);
        }

        var flow = ExecuteStatements(block.Statements);
        state.EvaluationDepth--;
        return flow;
    }

    private Flow ExecuteStatements(StatementNode[] statements)
    {
        for (var i = 0; i < statements.Length; i++)
        {
            var flow = Execute(statements[i]);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow Execute(StatementNode statement)
    {
        state.Step(statement.Span);
        try
        {
            switch (statement.Kind)
            {
                case StatementKind.Assignment:
                    ExecuteAssignment((AssignmentStatement)statement);
                    return Flow.Normal;
                case StatementKind.Expression:
                    Evaluate(((ExpressionStatement)statement).Expression);
                    return Flow.Normal;
                case StatementKind.Info:
                    var info = (InfoStatement)statement;
                    state.AddInfo(state.Display(Evaluate(info.Value)), statement.Span);
                    return Flow.Normal;
                case StatementKind.Return:
                    var value = ((ReturnStatement)statement).Value;
                    _returnValue = value is null ? null : Evaluate(value);
                    return Flow.Return;
                case StatementKind.If:
                    return ExecuteIf((IfStatement)statement);
                case StatementKind.ForEach:
                    return ExecuteForEach((ForEachStatement)statement);
                case StatementKind.Try:
                    return ExecuteTry((TryStatement)statement);
                case StatementKind.Break:
                    return Flow.Break;
                case StatementKind.Continue:
                    return Flow.Continue;
                case StatementKind.SendMail:
                    SendMailExecutor.Execute(this, (SendMailStatement)statement, state);
                    return Flow.Normal;
                default:
                    return ExecuteBlock((BlockStatement)statement);
            }
        }
        catch (ScriptRuntimeException e) when (e.Span is null)
        {
            e.Span = statement.Span;
            throw;
        }
        catch (Exception e) when (e is not ScriptRuntimeException)
        {
            throw Translate(e, statement.Span);
        }
    }

    private ScriptRuntimeException Translate(Exception e, TextSpan span) => e switch
    {
        OverflowException => new ScriptRuntimeException("number overflow: the result does not fit in a NUMBER or DECIMAL; use smaller values", span),
        RegexMatchTimeoutException => new ScriptLimitException($"regular expression took longer than {state.Limits.RegexTimeout.TotalSeconds:0.###} s; simplify the pattern", span),
        RegexParseException parse => new ScriptRuntimeException($"invalid regular expression: {parse.Message}; fix the pattern or pass true to treat it as plain text", span),
        OperationCanceledException => CancelledError(span),
        InsufficientExecutionStackException => new ScriptLimitException("nesting limit exceeded: the code or data is nested too deeply", span),
        OutOfMemoryException => new ScriptLimitException("memory limit exceeded: the run tried to build a value that is too large", span),
        ScriptHostException host => new ScriptRuntimeException(host.Message, span),
        _ => new ScriptRuntimeException($"internal error ({e.GetType().Name}): {e.Message}; please report this script", span),
    };

    private ScriptLimitException CancelledError(TextSpan span)
    {
        try
        {
            state.ThrowCancelled(span);
        }
        catch (ScriptLimitException limit)
        {
            return limit;
        }

        return new ScriptLimitException("the run was cancelled", span);
    }

    private void ExecuteAssignment(AssignmentStatement assignment)
    {
        var value = Evaluate(assignment.Value);
        if (assignment.Operator is { } op)
        {
            var current = _slots[assignment.Slot].Value ?? throw Undefined(assignment.Name, assignment.Span);
            value = Operators.Binary(state, op, current, value);
        }

        _slots[assignment.Slot].Value = value;
    }

    private Flow ExecuteIf(IfStatement statement)
    {
        while (true)
        {
            if (Condition(statement.Condition, "if"))
            {
                return ExecuteBlock(statement.Then);
            }

            switch (statement.Else)
            {
                case null:
                    return Flow.Normal;
                case IfStatement elseIf:
                    state.Step(elseIf.Span);
                    statement = elseIf;
                    continue;
                default:
                    return ExecuteBlock((BlockStatement)statement.Else);
            }
        }
    }

    private bool Condition(ExpressionNode expression, string owner)
    {
        var value = Evaluate(expression);
        if (value is ScriptBoolean boolean)
        {
            return boolean.Value;
        }

        throw new ScriptRuntimeException($"the {owner} condition must be true or false but is {value.TypeName} ({Short(value)}); compare it, for example x != null", expression.Span);
    }

    private Flow ExecuteForEach(ForEachStatement loop)
    {
        var collection = Evaluate(loop.Collection);
        switch (collection)
        {
            case ScriptList list:
                var items = list.Items;
                var count = items.Count;
                for (var i = 0; i < count && i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        state.Step(loop.Span);
                    }

                    _slots[loop.Slot].Value = loop.IsIndex ? ScriptNumber.Of(i) : items[i];
                    var flow = ExecuteBlock(loop.Body);
                    if (flow == Flow.Break)
                    {
                        break;
                    }

                    if (flow == Flow.Return)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case ScriptMap map when !loop.IsIndex:
                var keys = map.Entries.Keys.ToArray();
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                    {
                        state.Step(loop.Span);
                    }

                    _slots[loop.Slot].Value = new ScriptText(keys[i]);
                    var flow = ExecuteBlock(loop.Body);
                    if (flow == Flow.Break)
                    {
                        break;
                    }

                    if (flow == Flow.Return)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            default:
                throw new ScriptRuntimeException($"for each needs a {(loop.IsIndex ? "LIST" : "LIST or MAP")} but got {collection.TypeName} ({Short(collection)}); convert it first, e.g. with toList() or toJSONList()", loop.Collection.Span);
        }
    }

    private Flow ExecuteTry(TryStatement statement)
    {
        var depth = state.EvaluationDepth;
        try
        {
            return ExecuteBlock(statement.Body);
        }
        catch (ScriptRuntimeException e) when (e is not ScriptLimitException)
        {
            state.EvaluationDepth = depth;
            _slots[statement.CatchSlot].Value = new ScriptText(e.Message);
            return ExecuteBlock(statement.Handler);
        }
    }

    /// <summary>A variable's value (null before the first assignment).</summary>
    private struct Slot
    {
        public ScriptValue? Value;
    }

    private static ScriptRuntimeException Undefined(string name, TextSpan span) =>
        new($"variable '{name}' is used before it has a value; assign it first (for example {name} = null;)", span);

    internal static string Short(ScriptValue value)
    {
        var text = value is ScriptMap or ScriptList ? value.TypeName.ToLowerInvariant() + " of " + (value is ScriptMap m ? m.Count : ((ScriptList)value).Count) : ValueFormatter.ToDisplayString(value, 1000);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
