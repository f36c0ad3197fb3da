using System.Runtime.CompilerServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>The compiler's expressions, calls and conditions.</summary>
internal sealed partial class Evaluator
{
    internal static partial class Compiler
    {
        public static CompiledExpression Expression(ExpressionNode node)
        {
            switch (node.Kind)
            {
                case ExpressionKind.Literal:
                    var literal = ((LiteralExpression)node).Value;
                    return _ => literal;
                case ExpressionKind.Variable:
                    var variable = (VariableExpression)node;
                    var slot = variable.Slot;
                    var name = variable.Name;
                    var span = variable.Span;
                    return e => e._slots[slot].Value ?? throw Undefined(name, span);
                case ExpressionKind.Binary:
                    var binary = (BinaryExpression)node;
                    if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
                    {
                        var logical = Logical(binary);
                        return e => logical(e) ? ScriptBoolean.True : ScriptBoolean.False;
                    }

                    return AsValue(Whole(binary));
                case ExpressionKind.Unary:
                    var unary = (UnaryExpression)node;
                    var op = unary.Operator;
                    var operand = Expression(unary.Operand);
                    return Composite(node, e => Operators.Unary(op, operand(e)));
                case ExpressionKind.MethodCall:
                    return MethodCall((MethodCallExpression)node);
                case ExpressionKind.FunctionCall:
                    return FunctionCall((FunctionCallExpression)node);
                case ExpressionKind.MapLiteral:
                    return MapLiteral((MapLiteralExpression)node);
                case ExpressionKind.ListLiteral:
                    var items = Expressions(((ListLiteralExpression)node).Items);
                    return Composite(node, e =>
                    {
                        var list = new ValueList(items.Length);
                        foreach (var item in items)
                        {
                            list.Add(item(e));
                        }

                        return new ScriptList(list, adopt: true);
                    });
                case ExpressionKind.Index:
                    var index = (IndexExpression)node;
                    var target = Expression(index.Target);
                    var key = Expression(index.Index);
                    return Composite(node, e => Operators.Index(target(e), key(e)));
                default:
                    // Host calls, invokeUrl, system values and syntax errors: rare, so they stay on the tree walker.
                    return e => e.Evaluate(node);
            }
        }

        private static CompiledExpression[] Expressions(ExpressionNode[] nodes)
        {
            var compiled = new CompiledExpression[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                compiled[i] = Expression(nodes[i]);
            }

            return compiled;
        }

        // A composite node's nesting accounting and error position around its body (the evaluator's Evaluate).
        private static CompiledExpression Composite(ExpressionNode node, CompiledExpression body) => e =>
        {
            var state = e.State;
            EnterExpression(state, node);
            ScriptValue result;
            try
            {
                result = body(e);
            }
            catch (ScriptRuntimeException x) when (x.Span is null)
            {
                x.Span = node.Span;
                throw;
            }

            state.EvaluationDepth--;
            return result;
        };

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void EnterExpression(RunState state, ExpressionNode node)
        {
            if (++state.EvaluationDepth > RunState.MaxEvaluationDepth || ((state.EvaluationDepth & 63) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
            {
                throw new ScriptLimitException("nesting limit exceeded: expressions and calls are nested too deeply; simplify the code", node.Span);
            }
        }

        private static CompiledExpression MethodCall(MethodCallExpression call)
        {
            var target = Expression(call.Target);
            var arguments = Expressions(call.Arguments);
            var method = call.Method;
            var name = call.Name;
            var nameSpan = call.NameSpan;
            // Composite's accounting written out: a method call is the most common composite node, one call less each.
            return e =>
            {
                var state = e.State;
                EnterExpression(state, call);
                ScriptValue result;
                try
                {
                    var value = target(e);
                    var values = e.RentArguments(arguments);
                    try
                    {
                        result = MethodDispatcher.Call(state, method, name, value, values);
                    }
                    catch (ScriptRuntimeException x) when (x.Span is null)
                    {
                        x.Span = nameSpan;
                        throw;
                    }

                    e.ReturnArguments(values);
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = call.Span;
                    throw;
                }

                state.EvaluationDepth--;
                return result;
            };
        }

        private static CompiledExpression FunctionCall(FunctionCallExpression call)
        {
            var name = call.Name;
            var arguments = Expressions(call.Arguments);
            switch (call.Function)
            {
                case GlobalFunctionId.If when call.Arguments.Length >= 3:
                    var condition = Condition(call.Arguments[0], "if()");
                    var then = arguments[1];
                    var otherwise = arguments[2];
                    return Composite(call, e => condition(e) ? then(e) : otherwise(e));
                case GlobalFunctionId.IfNull when call.Arguments.Length == 2:
                    var first = arguments[0];
                    var fallback = arguments[1];
                    return Composite(call, e =>
                    {
                        var value = first(e);
                        return value is ScriptNull ? fallback(e) : value;
                    });
                case GlobalFunctionId.If or GlobalFunctionId.IfNull or GlobalFunctionId.MethodForm:
                    // Unusual shapes keep the tree walker's checks and errors.
                    return e => e.Evaluate(call);
                default:
                    var function = call.Function;
                    return Composite(call, e =>
                    {
                        var values = e.RentArguments(arguments);
                        var result = GlobalFunctions.Call(e.State, function, name, values);
                        e.ReturnArguments(values);
                        return result;
                    });
            }
        }

        private static CompiledExpression MapLiteral(MapLiteralExpression node)
        {
            var keys = Expressions(node.Keys);
            var values = Expressions(node.Values);
            return Composite(node, e =>
            {
                var map = new ScriptMap(keys.Length);
                for (var i = 0; i < keys.Length; i++)
                {
                    map.Entries[e.State.Display(keys[i](e))] = values[i](e);
                }

                return map;
            });
        }

        // ----- conditions

        /// <summary>The node's value required to be true or false (the evaluator's Condition).</summary>
        public static CompiledCondition Condition(ExpressionNode node, string owner)
        {
            var span = node.Span;
            if (node is BinaryExpression binary)
            {
                if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
                {
                    return Logical(binary);
                }

                return FromWhole(Whole(binary), owner, span);
            }

            var expression = Expression(node);
            return e =>
            {
                var value = expression(e);
                return value is ScriptBoolean boolean ? boolean.Value : throw NotCondition(value, owner, span);
            };
        }

        private static CompiledCondition FromWhole(CompiledWhole whole, string owner, TextSpan span) => e => Test(e, whole, owner, span);

        // A comparison's value required to be true or false.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Test(Evaluator e, CompiledWhole whole, string owner, TextSpan span)
        {
            if (whole(e, out var number, out var other))
            {
                throw NotCondition(ScriptNumber.Of(number), owner, span);
            }

            return other is ScriptBoolean boolean ? boolean.Value : throw NotCondition(other!, owner, span);
        }

        private static ScriptRuntimeException NotCondition(ScriptValue value, string owner, TextSpan span) =>
            new($"the {owner} condition must be true or false but is {value.TypeName} ({Short(value)}); compare it, for example x != null", span);

        // && and ||: a composite node whose operands are conditions; the value is always true or false.
        private static CompiledCondition Logical(BinaryExpression node)
        {
            var owner = node.Operator == BinaryOperator.And ? "'&&'" : "'||'";
            var left = Condition(node.Left, owner);
            var right = Condition(node.Right, owner);
            var isAnd = node.Operator == BinaryOperator.And;
            return e =>
            {
                var state = e.State;
                EnterExpression(state, node);
                bool result;
                try
                {
                    result = isAnd ? left(e) && right(e) : left(e) || right(e);
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = node.Span;
                    throw;
                }

                state.EvaluationDepth--;
                return result;
            };
        }
    }
}
