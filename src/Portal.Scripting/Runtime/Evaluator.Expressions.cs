using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

internal sealed partial class Evaluator
{
    internal ScriptValue Evaluate(ExpressionNode expression)
    {
        switch (expression.Kind)
        {
            case ExpressionKind.Literal:
                return ((LiteralExpression)expression).Value;
            case ExpressionKind.Variable:
                var variable = (VariableExpression)expression;
                return _slots[variable.Slot].Value ?? throw Undefined(variable.Name, variable.Span);
        }

        if (++state.EvaluationDepth > RunState.MaxEvaluationDepth || ((state.EvaluationDepth & 63) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw new ScriptLimitException("nesting limit exceeded: expressions and calls are nested too deeply; simplify the code", expression.Span);
        }

        var result = EvaluateComposite(expression);
        state.EvaluationDepth--;
        return result;
    }

    private ScriptValue EvaluateComposite(ExpressionNode expression)
    {
        try
        {
            switch (expression.Kind)
            {
                case ExpressionKind.Binary:
                    return EvaluateBinary((BinaryExpression)expression);
                case ExpressionKind.Unary:
                    var unary = (UnaryExpression)expression;
                    return Operators.Unary(unary.Operator, Evaluate(unary.Operand));
                case ExpressionKind.MethodCall:
                    return EvaluateMethodCall((MethodCallExpression)expression);
                case ExpressionKind.FunctionCall:
                    return EvaluateFunctionCall((FunctionCallExpression)expression);
                case ExpressionKind.MapLiteral:
                    return EvaluateMapLiteral((MapLiteralExpression)expression);
                case ExpressionKind.ListLiteral:
                    var literal = (ListLiteralExpression)expression;
                    var items = new ValueList(literal.Items.Length);
                    foreach (var item in literal.Items)
                    {
                        items.Add(Evaluate(item));
                    }

                    return new ScriptList(items, adopt: true);
                case ExpressionKind.Index:
                    var index = (IndexExpression)expression;
                    return Operators.Index(Evaluate(index.Target), Evaluate(index.Index));
                case ExpressionKind.HostCall:
                    return EvaluateHostCall((HostCallExpression)expression);
                case ExpressionKind.SystemValue:
                    return EvaluateSystemValue((SystemValueExpression)expression);
                case ExpressionKind.InvokeUrl:
                    return InvokeUrlExecutor.Execute(this, (InvokeUrlExpression)expression, state);
                default:
                    throw new ScriptRuntimeException("this expression has a syntax error; fix the errors reported by check first", expression.Span);
            }
        }
        catch (ScriptRuntimeException e) when (e.Span is null)
        {
            e.Span = expression.Span;
            throw;
        }
    }

    internal ScriptValue EvaluateOptional(ExpressionNode? expression) => expression is null ? ScriptNull.Instance : Evaluate(expression);

    private ScriptValue EvaluateBinary(BinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return Condition(binary.Left, "'&&'") && Condition(binary.Right, "'&&'") ? ScriptBoolean.True : ScriptBoolean.False;
            case BinaryOperator.Or:
                return Condition(binary.Left, "'||'") || Condition(binary.Right, "'||'") ? ScriptBoolean.True : ScriptBoolean.False;
        }

        if (IsInteger(binary.Operator))
        {
            // Arithmetic and comparison chains run on unboxed whole numbers; only the final value becomes a NUMBER.
            return TryBinaryInteger(binary, out var whole, out var other) ? ScriptNumber.Of(whole) : other!;
        }

        return General(binary, Evaluate(binary.Left), Evaluate(binary.Right));
    }

    private static bool IsInteger(BinaryOperator op) => op is not (BinaryOperator.And or BinaryOperator.Or);

    private ScriptValue General(BinaryExpression binary, ScriptValue left, ScriptValue right)
    {
        try
        {
            return Operators.Binary(state, binary.Operator, left, right);
        }
        catch (ScriptRuntimeException e) when (e.Span is null)
        {
            e.Span = binary.OperatorSpan;
            throw;
        }
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> as <see cref="Evaluate"/> does (same order, depth accounting and errors);
    /// true with <paramref name="whole"/> when the value is a NUMBER, else false with the value in <paramref name="other"/>.
    /// </summary>
    private bool TryInteger(ExpressionNode expression, out long whole, out ScriptValue? other)
    {
        ScriptValue value;
        switch (expression.Kind)
        {
            case ExpressionKind.Literal:
                value = ((LiteralExpression)expression).Value;
                break;
            case ExpressionKind.Variable:
                var variable = (VariableExpression)expression;
                value = _slots[variable.Slot].Value ?? throw Undefined(variable.Name, variable.Span);
                break;
            case ExpressionKind.Binary when IsInteger(((BinaryExpression)expression).Operator):
                EnterExpression(expression);
                bool result;
                try
                {
                    result = TryBinaryInteger((BinaryExpression)expression, out whole, out other);
                }
                catch (ScriptRuntimeException e) when (e.Span is null)
                {
                    e.Span = expression.Span;
                    throw;
                }

                state.EvaluationDepth--;
                return result;
            default:
                value = Evaluate(expression);
                break;
        }

        if (value is ScriptNumber number)
        {
            whole = number.Value;
            other = null;
            return true;
        }

        whole = 0;
        other = value;
        return false;
    }

    // The body of an arithmetic or comparison node, entered (depth counted) by the caller.
    private bool TryBinaryInteger(BinaryExpression binary, out long whole, out ScriptValue? other)
    {
        if (!TryInteger(binary.Left, out var a, out var left))
        {
            return Settle(General(binary, left!, Evaluate(binary.Right)), out whole, out other);
        }

        if (!TryInteger(binary.Right, out var b, out var right))
        {
            return Settle(General(binary, ScriptNumber.Of(a), right!), out whole, out other);
        }

        other = null;
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                whole = checked(a + b);
                return true;
            case BinaryOperator.Subtract:
                whole = checked(a - b);
                return true;
            case BinaryOperator.Multiply:
                whole = checked(a * b);
                return true;
            case BinaryOperator.Modulo when b != 0:
                whole = b == -1 ? 0 : a % b;
                return true;
            case BinaryOperator.Divide when b is not (0 or -1) && a % b == 0:
                whole = a / b;
                return true;
            case BinaryOperator.Less:
                return Truth(a < b, out whole, out other);
            case BinaryOperator.LessOrEqual:
                return Truth(a <= b, out whole, out other);
            case BinaryOperator.Greater:
                return Truth(a > b, out whole, out other);
            case BinaryOperator.GreaterOrEqual:
                return Truth(a >= b, out whole, out other);
            case BinaryOperator.Equal:
                return Truth(a == b, out whole, out other);
            case BinaryOperator.NotEqual:
                return Truth(a != b, out whole, out other);
            default:
                // Division by zero, by -1 and inexact division (a DECIMAL) keep the general rules and messages.
                return Settle(General(binary, ScriptNumber.Of(a), ScriptNumber.Of(b)), out whole, out other);
        }
    }

    private static bool Truth(bool value, out long whole, out ScriptValue? other)
    {
        whole = 0;
        other = value ? ScriptBoolean.True : ScriptBoolean.False;
        return false;
    }

    private static bool Settle(ScriptValue value, out long whole, out ScriptValue? other)
    {
        if (value is ScriptNumber number)
        {
            whole = number.Value;
            other = null;
            return true;
        }

        whole = 0;
        other = value;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterExpression(ExpressionNode expression)
    {
        if (++state.EvaluationDepth > RunState.MaxEvaluationDepth || ((state.EvaluationDepth & 63) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw new ScriptLimitException("nesting limit exceeded: expressions and calls are nested too deeply; simplify the code", expression.Span);
        }
    }

    private ScriptMap EvaluateMapLiteral(MapLiteralExpression literal)
    {
        var map = new ScriptMap(literal.Keys.Length);
        for (var i = 0; i < literal.Keys.Length; i++)
        {
            map.Entries[state.Display(Evaluate(literal.Keys[i]))] = Evaluate(literal.Values[i]);
        }

        return map;
    }

    private ScriptValue EvaluateMethodCall(MethodCallExpression call)
    {
        var target = Evaluate(call.Target);
        var arguments = RentArguments(call.Arguments);
        ScriptValue result;
        try
        {
            result = MethodDispatcher.Call(state, call.Method, call.Name, target, arguments);
        }
        catch (ScriptRuntimeException e) when (e.Span is null)
        {
            e.Span = call.NameSpan;
            throw;
        }

        ReturnArguments(arguments);
        return result;
    }

    // Built-in methods and functions read their arguments during the call and keep none of the arrays (they copy what
    // they store), so a call's array is reused by later calls. An array in use (a call inside an argument) is never
    // handed out twice: it is back in the pool only after its call returned. Host tasks and saved functions get their own.
    private const int PooledArity = 4;
    private Stack<ScriptValue[]>?[]? _spareArguments;

    private ScriptValue[] RentArguments(ExpressionNode[] expressions)
    {
        var count = expressions.Length;
        if (count == 0)
        {
            return [];
        }

        ScriptValue[]? values = null;
        if (count <= PooledArity && _spareArguments?[count - 1] is { Count: > 0 } spare)
        {
            values = spare.Pop();
        }

        values ??= new ScriptValue[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Evaluate(expressions[i]);
        }

        return values;
    }

    private ScriptValue[] RentArguments(CompiledExpression[] expressions)
    {
        var count = expressions.Length;
        if (count == 0)
        {
            return [];
        }

        ScriptValue[]? values = null;
        if (count <= PooledArity && _spareArguments?[count - 1] is { Count: > 0 } spare)
        {
            values = spare.Pop();
        }

        values ??= new ScriptValue[count];
        ref var first = ref MemoryMarshal.GetArrayDataReference(values);
        for (var i = 0; i < count; i++)
        {
            // values has count items; a plain write skips the array's store type check.
            Unsafe.Add(ref first, i) = expressions[i](this);
        }

        return values;
    }

    private void ReturnArguments(ScriptValue[] values)
    {
        var count = values.Length;
        if (count is 0 or > PooledArity)
        {
            return;
        }

        Array.Clear(values);
        var pool = _spareArguments ??= new Stack<ScriptValue[]>?[PooledArity];
        var spare = pool[count - 1] ??= new Stack<ScriptValue[]>();
        if (spare.Count < 8)
        {
            spare.Push(values);
        }
    }

    private ScriptValue[] EvaluateArguments(ExpressionNode[] expressions)
    {
        if (expressions.Length == 0)
        {
            return [];
        }

        var values = new ScriptValue[expressions.Length];
        for (var i = 0; i < expressions.Length; i++)
        {
            values[i] = Evaluate(expressions[i]);
        }

        return values;
    }

    private ScriptValue EvaluateFunctionCall(FunctionCallExpression call)
    {
        switch (call.Function)
        {
            case GlobalFunctionId.If:
                return Condition(call.Arguments[0], "if()") ? Evaluate(call.Arguments[1]) : Evaluate(call.Arguments[2]);
            case GlobalFunctionId.IfNull:
                GlobalFunctions.RequireCount(call.Name, call.Arguments.Length, 2, 2);
                var value = Evaluate(call.Arguments[0]);
                return value is ScriptNull ? Evaluate(call.Arguments[1]) : value;
            case GlobalFunctionId.MethodForm:
                var arguments = EvaluateArguments(call.Arguments);
                return MethodDispatcher.Call(state, call.Method, call.Name, arguments[0], arguments[1..]);
            default:
                var values = RentArguments(call.Arguments);
                var result = GlobalFunctions.Call(state, call.Function, call.Name, values);
                ReturnArguments(values);
                return result;
        }
    }

    private ScriptValue EvaluateSystemValue(SystemValueExpression expression)
    {
        var host = state.Host;
        var name = expression.QualifiedName.ToLowerInvariant();
        var member = name[(name.IndexOf('.') + 1)..];
        switch (member)
        {
            case "currenttime":
                var now = host.TimeProvider.GetLocalNow().DateTime;
                return new ScriptDateTime(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), false);
            case "currentdate":
                return new ScriptDateTime(host.TimeProvider.GetLocalNow().Date, true);
            case "loginuser":
                return new ScriptText(host.LoginUser);
            case "loginuserid":
                return new ScriptText(host.LoginUserId);
            case "adminuser":
                return new ScriptText(host.AdminUser);
            case "adminuserid":
                return new ScriptText(string.IsNullOrEmpty(host.AdminUserId) ? host.AdminUser : host.AdminUserId);
        }

        if (host.SystemValues is { } values && values.TryGetValue(name, out var extra))
        {
            return extra;
        }

        throw new ScriptRuntimeException($"unknown system value '{expression.QualifiedName}'; available are zoho.currenttime, zoho.currentdate, zoho.loginuser, zoho.loginuserid, zoho.adminuser and zoho.adminuserid", expression.Span);
    }
}
