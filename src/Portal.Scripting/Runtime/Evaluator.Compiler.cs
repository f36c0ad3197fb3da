using System.Runtime.CompilerServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>A compiled expression: evaluates as <see cref="Evaluator.Evaluate"/> does for its node.</summary>
internal delegate ScriptValue CompiledExpression(Evaluator evaluator);

/// <summary>A compiled condition: evaluates its node and requires true or false, as the evaluator's Condition does.</summary>
internal delegate bool CompiledCondition(Evaluator evaluator);

/// <summary>A compiled node read as a whole number when it is one (the evaluator's TryInteger).</summary>
internal delegate bool CompiledWhole(Evaluator evaluator, out long whole, out ScriptValue? other);

/// <summary>A compiled statement (or block): executes as the evaluator's Execute does for its node.</summary>
internal delegate Flow CompiledStatement(Evaluator evaluator);

internal sealed partial class Evaluator
{
    /// <summary>
    /// Compiles the bound tree to closures once per script (the host caches the <see cref="CompiledScript"/>), so a run
    /// calls straight into each node's code instead of dispatching on node kinds. Every closure keeps the tree walker's
    /// order of evaluation, step and nesting accounting, error texts and error positions; nodes without a closure of
    /// their own (host calls, invokeUrl, sendmail, system values, syntax errors) run on the tree walker.
    /// </summary>
    internal static class Compiler
    {
        public static CompiledStatement[] Statements(StatementNode[] nodes)
        {
            var compiled = new CompiledStatement[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                compiled[i] = Statement(nodes[i]);
            }

            return compiled;
        }

        // ----- statements

        public static CompiledStatement Statement(StatementNode node)
        {
            switch (node.Kind)
            {
                case StatementKind.Assignment:
                    return Assignment((AssignmentStatement)node);
                case StatementKind.Expression:
                    return ExpressionStatement((ExpressionStatement)node);
                case StatementKind.Info:
                    return Info((InfoStatement)node);
                case StatementKind.Return:
                    return Return((ReturnStatement)node);
                case StatementKind.If:
                    return If((IfStatement)node);
                case StatementKind.ForEach:
                    return ForEach((ForEachStatement)node);
                case StatementKind.Try:
                    return Try((TryStatement)node);
                case StatementKind.Break:
                    var breakSpan = node.Span;
                    return e =>
                    {
                        e.State.Step(breakSpan);
                        return Flow.Break;
                    };
                case StatementKind.Continue:
                    var continueSpan = node.Span;
                    return e =>
                    {
                        e.State.Step(continueSpan);
                        return Flow.Continue;
                    };
                case StatementKind.Block when node is BlockStatement block:
                    return NestedBlock(block);
                default:
                    // sendmail (and anything new) keeps the tree walker's code, step and error handling included.
                    return e => e.Execute(node);
            }
        }

        private static CompiledStatement Assignment(AssignmentStatement node)
        {
            var span = node.Span;
            var slot = node.Slot;
            if (node.Operator is null && node.Value is BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } chain)
            {
                // x = <whole-number chain>: the chain's value goes straight into the slot.
                var whole = WholeBinary(chain);
                return e =>
                {
                    e.State.Step(span);
                    try
                    {
                        e._slots[slot].Value = whole(e, out var number, out var other) ? ScriptNumber.Of(number) : other!;
                        return Flow.Normal;
                    }
                    catch (ScriptRuntimeException x) when (x.Span is null)
                    {
                        x.Span = span;
                        throw;
                    }
                    catch (Exception x) when (x is not ScriptRuntimeException)
                    {
                        throw e.Translate(x, span);
                    }
                };
            }

            var value = Expression(node.Value);
            if (node.Operator is not { } op)
            {
                return e =>
                {
                    e.State.Step(span);
                    try
                    {
                        e._slots[slot].Value = value(e);
                        return Flow.Normal;
                    }
                    catch (ScriptRuntimeException x) when (x.Span is null)
                    {
                        x.Span = span;
                        throw;
                    }
                    catch (Exception x) when (x is not ScriptRuntimeException)
                    {
                        throw e.Translate(x, span);
                    }
                };
            }

            var name = node.Name;
            return e =>
            {
                e.State.Step(span);
                try
                {
                    var right = value(e);
                    var current = e._slots[slot].Value ?? throw Undefined(name, span);
                    e._slots[slot].Value = Operators.Binary(e.State, op, current, right);
                    return Flow.Normal;
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = span;
                    throw;
                }
                catch (Exception x) when (x is not ScriptRuntimeException)
                {
                    throw e.Translate(x, span);
                }
            };
        }

        private static CompiledStatement ExpressionStatement(ExpressionStatement node)
        {
            var span = node.Span;
            var expression = Expression(node.Expression);
            return e =>
            {
                e.State.Step(span);
                try
                {
                    expression(e);
                    return Flow.Normal;
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = span;
                    throw;
                }
                catch (Exception x) when (x is not ScriptRuntimeException)
                {
                    throw e.Translate(x, span);
                }
            };
        }

        private static CompiledStatement Info(InfoStatement node)
        {
            var span = node.Span;
            var value = Expression(node.Value);
            return Guarded(span, e =>
            {
                e.State.AddInfo(e.State.Display(value(e)), span);
                return Flow.Normal;
            });
        }

        private static CompiledStatement Return(ReturnStatement node)
        {
            var value = node.Value is null ? null : Expression(node.Value);
            return Guarded(node.Span, e =>
            {
                e._returnValue = value?.Invoke(e);
                return Flow.Return;
            });
        }

        private static CompiledStatement If(IfStatement node)
        {
            // The whole else-if chain is one statement, as in the tree walker: each further branch counts a step.
            var conditions = new List<CompiledCondition>();
            var branches = new List<BlockBody>();
            var spans = new List<TextSpan>();
            CompiledStatement? otherwise = null;
            for (var current = node; ;)
            {
                conditions.Add(Condition(current.Condition, "if"));
                branches.Add(new BlockBody(current.Then));
                spans.Add(current.Span);
                if (current.Else is IfStatement elseIf)
                {
                    current = elseIf;
                    continue;
                }

                if (current.Else is { } other)
                {
                    otherwise = other is BlockStatement block ? Block(block) : e => e.ExecuteBlock((BlockStatement)other);
                }

                break;
            }

            var span = node.Span;
            if (conditions.Count == 1)
            {
                var condition = conditions[0];
                var then = branches[0];
                if (node.Condition is BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } comparison)
                {
                    // if (a op b): the comparison is tested here, one call less than through its condition.
                    var whole = Whole(comparison);
                    var conditionSpan = comparison.Span;
                    return e =>
                    {
                        e.State.Step(span);
                        try
                        {
                            return Test(e, whole, "if", conditionSpan) ? then.Run(e) : otherwise is null ? Flow.Normal : otherwise(e);
                        }
                        catch (ScriptRuntimeException x) when (x.Span is null)
                        {
                            x.Span = span;
                            throw;
                        }
                        catch (Exception x) when (x is not ScriptRuntimeException)
                        {
                            throw e.Translate(x, span);
                        }
                    };
                }

                return e =>
                {
                    e.State.Step(span);
                    try
                    {
                        return condition(e) ? then.Run(e) : otherwise is null ? Flow.Normal : otherwise(e);
                    }
                    catch (ScriptRuntimeException x) when (x.Span is null)
                    {
                        x.Span = span;
                        throw;
                    }
                    catch (Exception x) when (x is not ScriptRuntimeException)
                    {
                        throw e.Translate(x, span);
                    }
                };
            }

            var allConditions = conditions.ToArray();
            var allBranches = branches.ToArray();
            var allSpans = spans.ToArray();
            return e =>
            {
                e.State.Step(span);
                try
                {
                    for (var i = 0; ; i++)
                    {
                        if (allConditions[i](e))
                        {
                            return allBranches[i].Run(e);
                        }

                        if (i + 1 == allConditions.Length)
                        {
                            return otherwise is null ? Flow.Normal : otherwise(e);
                        }

                        e.State.Step(allSpans[i + 1]);
                    }
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = span;
                    throw;
                }
                catch (Exception x) when (x is not ScriptRuntimeException)
                {
                    throw e.Translate(x, span);
                }
            };
        }

        private static CompiledStatement ForEach(ForEachStatement loop)
        {
            var span = loop.Span;
            var slot = loop.Slot;
            var isIndex = loop.IsIndex;
            var collection = Expression(loop.Collection);
            var collectionSpan = loop.Collection.Span;
            var body = new BlockBody(loop.Body);
            return e =>
            {
                var state = e.State;
                state.Step(span);
                try
                {
                    var value = collection(e);
                    switch (value)
                    {
                        case ScriptList list:
                            var items = list.Items;
                            var count = items.Count;
                            var slots = e._slots;
                            for (var i = 0; i < count && i < items.Count; i++)
                            {
                                if (i > 0)
                                {
                                    state.Step(span);
                                }

                                slots[slot].Value = isIndex ? ScriptNumber.Of(i) : items[i];
                                var flow = body.Run(e);
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
                        case ScriptMap map when !isIndex:
                            var keys = map.Entries.Keys.ToArray();
                            for (var i = 0; i < keys.Length; i++)
                            {
                                if (i > 0)
                                {
                                    state.Step(span);
                                }

                                e._slots[slot].Value = new ScriptText(keys[i]);
                                var flow = body.Run(e);
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
                            throw new ScriptRuntimeException($"for each needs a {(isIndex ? "LIST" : "LIST or MAP")} but got {value.TypeName} ({Short(value)}); convert it first, e.g. with toList() or toJSONList()", collectionSpan);
                    }
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = span;
                    throw;
                }
                catch (Exception x) when (x is not ScriptRuntimeException)
                {
                    throw e.Translate(x, span);
                }
            };
        }

        private static CompiledStatement Try(TryStatement node)
        {
            var body = Block(node.Body);
            var handler = Block(node.Handler);
            var catchSlot = node.CatchSlot;
            return Guarded(node.Span, e =>
            {
                var depth = e.State.EvaluationDepth;
                try
                {
                    return body(e);
                }
                catch (ScriptRuntimeException x) when (x is not ScriptLimitException)
                {
                    e.State.EvaluationDepth = depth;
                    e._slots[catchSlot].Value = new ScriptText(x.Message);
                    return handler(e);
                }
            });
        }

        // A block nested as a statement of its own: one step for the block, then the block.
        private static CompiledStatement NestedBlock(BlockStatement node)
        {
            var block = Block(node);
            return Guarded(node.Span, block);
        }

        /// <summary>A block's statements with the block's nesting accounting (the evaluator's ExecuteBlock).</summary>
        public static CompiledStatement Block(BlockStatement node) => new BlockBody(node).Run;

        /// <summary>A block's compiled statements; loops and ifs call <see cref="Run"/> directly (inlined, no delegate call).</summary>
        private sealed class BlockBody(BlockStatement node)
        {
            private readonly TextSpan _span = node.Span;
            private readonly CompiledStatement[] _statements = Statements(node.Statements);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public Flow Run(Evaluator e)
            {
                var state = e.State;
                if (++state.EvaluationDepth > RunState.MaxEvaluationDepth || ((state.EvaluationDepth & 63) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
                {
                    throw new ScriptLimitException("nesting limit exceeded: blocks and calls are nested too deeply; simplify the code", _span);
                }

                var statements = _statements;
                for (var i = 0; i < statements.Length; i++)
                {
                    var flow = statements[i](e);
                    if (flow != Flow.Normal)
                    {
                        state.EvaluationDepth--;
                        return flow;
                    }
                }

                state.EvaluationDepth--;
                return Flow.Normal;
            }
        }

        // A statement's step and error handling around a body (the evaluator's Execute).
        private static CompiledStatement Guarded(TextSpan span, CompiledStatement body) => e =>
        {
            e.State.Step(span);
            try
            {
                return body(e);
            }
            catch (ScriptRuntimeException x) when (x.Span is null)
            {
                x.Span = span;
                throw;
            }
            catch (Exception x) when (x is not ScriptRuntimeException)
            {
                throw e.Translate(x, span);
            }
        };

        // ----- expressions

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

        // ----- whole-number chains

        private static CompiledExpression AsValue(CompiledWhole whole) => e => whole(e, out var number, out var other) ? ScriptNumber.Of(number) : other!;

        /// <summary>The node read as a whole number when it is one (the evaluator's TryInteger).</summary>
        public static CompiledWhole Whole(ExpressionNode node)
        {
            switch (node.Kind)
            {
                case ExpressionKind.Literal:
                    var literal = ((LiteralExpression)node).Value;
                    if (literal is ScriptNumber constant)
                    {
                        var value = constant.Value;
                        return (Evaluator _, out long whole, out ScriptValue? other) =>
                        {
                            whole = value;
                            other = null;
                            return true;
                        };
                    }

                    return (Evaluator _, out long whole, out ScriptValue? other) =>
                    {
                        whole = 0;
                        other = literal;
                        return false;
                    };
                case ExpressionKind.Variable:
                    var variable = (VariableExpression)node;
                    var slot = variable.Slot;
                    var name = variable.Name;
                    var span = variable.Span;
                    return (Evaluator e, out long whole, out ScriptValue? other) =>
                    {
                        var value = e._slots[slot].Value ?? throw Undefined(name, span);
                        if (value is ScriptNumber number)
                        {
                            whole = number.Value;
                            other = null;
                            return true;
                        }

                        whole = 0;
                        other = value;
                        return false;
                    };
                case ExpressionKind.Binary when node is BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } binary:
                    return WholeBinary(binary);
                default:
                    var expression = Expression(node);
                    return (Evaluator e, out long whole, out ScriptValue? other) =>
                    {
                        var value = expression(e);
                        if (value is ScriptNumber number)
                        {
                            whole = number.Value;
                            other = null;
                            return true;
                        }

                        whole = 0;
                        other = value;
                        return false;
                    };
            }
        }

        /// <summary>
        /// A binary whole-number node. A pure chain (binary nodes over variables and literals only: nothing inside reads
        /// the nesting depth) checks once at its root that its nodes can neither reach the nesting limit nor cross a
        /// stack check (every 64 levels); then its nodes skip their own depth accounting, which nothing could observe.
        /// Otherwise, and for chains that are not pure, every node counts as in the tree walker.
        /// </summary>
        private static CompiledWhole WholeBinary(BinaryExpression node)
        {
            var height = PureHeight(node);
            if (height == 0)
            {
                return Build<Accounted>(node, null, 0);
            }

            var accounted = Build<Accounted>(node, null, 0, plain: true);
            return Build<Root>(node, accounted, height);
        }

        // The number of nested binary nodes of a pure chain, or 0 when the chain is not pure.
        private static int PureHeight(ExpressionNode node)
        {
            switch (node)
            {
                case LiteralExpression or VariableExpression:
                    return -1;
                case BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } binary:
                    var left = PureHeight(binary.Left);
                    var right = PureHeight(binary.Right);
                    return left == 0 || right == 0 ? 0 : 1 + Math.Max(Math.Max(left, right), 0);
                default:
                    return 0;
            }
        }

        private static CompiledWhole Build<TMode>(BinaryExpression node, CompiledWhole? accounted, int height, bool plain = false)
            where TMode : struct, IAccounting => node.Operator switch
            {
                BinaryOperator.Add => WholeBinary<AddOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Subtract => WholeBinary<SubtractOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Multiply => WholeBinary<MultiplyOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Divide => WholeBinary<DivideOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Modulo when node.Right is LiteralExpression { Value: ScriptNumber divisor } && ConstantDivisor.Fits(divisor.Value) =>
                    WithLeft<ModuloByConstant, TMode>(node, new ModuloByConstant(divisor), accounted, height, plain),
                BinaryOperator.Modulo => WholeBinary<ModuloOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Less => WholeBinary<LessOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.LessOrEqual => WholeBinary<LessOrEqualOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Greater => WholeBinary<GreaterOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.GreaterOrEqual => WholeBinary<GreaterOrEqualOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.Equal => WholeBinary<EqualOperator, TMode>(node, accounted, height, plain),
                BinaryOperator.NotEqual => WholeBinary<NotEqualOperator, TMode>(node, accounted, height, plain),
                _ => WholeBinary<GeneralOperator, TMode>(node, accounted, height, plain),
            };

        // An operand below a node: inside a pure chain (after its root) unaccounted, else as a node of its own.
        // In a pure chain's counted version (plain) the nodes below count as in the tree walker and are not roots again.
        private static CompiledWhole Operand<TMode>(ExpressionNode node, bool plain)
            where TMode : struct, IAccounting => node switch
            {
                BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } binary when !TMode.Counts => Build<Unaccounted>(binary, null, 0),
                BinaryExpression { Operator: not (BinaryOperator.And or BinaryOperator.Or) } binary when plain => Build<Accounted>(binary, null, 0, plain: true),
                _ => Whole(node),
            };

        // Operands that are a variable or a whole-number constant are read inline (no call of their own).
        private static CompiledWhole WholeBinary<TOperator, TMode>(BinaryExpression node, CompiledWhole? accounted, int height, bool plain)
            where TOperator : struct, IWholeOperator
            where TMode : struct, IAccounting => node.Right switch
            {
                LiteralExpression { Value: ScriptNumber constant } => WithLeft<TOperator, ConstantOperand, TMode>(node, new ConstantOperand(constant), accounted, height, plain),
                VariableExpression variable => WithLeft<TOperator, SlotOperand, TMode>(node, new SlotOperand(variable), accounted, height, plain),
                _ => WithLeft<TOperator, NodeOperand, TMode>(node, new NodeOperand(Operand<TMode>(node.Right, plain)), accounted, height, plain),
            };

        private static CompiledWhole WithLeft<TOperator, TRight, TMode>(BinaryExpression node, TRight right, CompiledWhole? accounted, int height, bool plain)
            where TOperator : struct, IWholeOperator
            where TRight : struct, IWholeOperand
            where TMode : struct, IAccounting => node.Left switch
            {
                LiteralExpression { Value: ScriptNumber constant } => Binary<TOperator, ConstantOperand, TRight, TMode>(node, new ConstantOperand(constant), right, accounted, height),
                VariableExpression variable => Binary<TOperator, SlotOperand, TRight, TMode>(node, new SlotOperand(variable), right, accounted, height),
                _ => Binary<TOperator, NodeOperand, TRight, TMode>(node, new NodeOperand(Operand<TMode>(node.Left, plain)), right, accounted, height),
            };

        private static CompiledWhole WithLeft<TOperation, TMode>(BinaryExpression node, TOperation operation, CompiledWhole? accounted, int height, bool plain)
            where TOperation : struct, IConstantOperation
            where TMode : struct, IAccounting => node.Left switch
            {
                VariableExpression variable => ByConstant<SlotOperand, TOperation, TMode>(node, new SlotOperand(variable), operation, accounted, height),
                _ => ByConstant<NodeOperand, TOperation, TMode>(node, new NodeOperand(Operand<TMode>(node.Left, plain)), operation, accounted, height),
            };

        // At a pure chain's root: false when some node of the chain could reach the nesting limit or a stack check.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool ChainFits(RunState state, int height)
        {
            var depth = state.EvaluationDepth;
            return depth + height <= RunState.MaxEvaluationDepth && (depth + height) >> 6 == depth >> 6;
        }

        // The evaluator's TryInteger of a binary node (depth counted, error position) around TryBinaryInteger's body;
        // the operator, operands and accounting are structs, so the JIT compiles one copy per combination with them inlined.
        private static CompiledWhole Binary<TOperator, TLeft, TRight, TMode>(BinaryExpression node, TLeft left, TRight right, CompiledWhole? accounted, int height)
            where TOperator : struct, IWholeOperator
            where TLeft : struct, IWholeOperand
            where TRight : struct, IWholeOperand
            where TMode : struct, IAccounting =>
            (Evaluator e, out long whole, out ScriptValue? other) =>
            {
                var state = e.State;
                if (TMode.IsRoot && !ChainFits(state, height))
                {
                    return accounted!(e, out whole, out other);
                }

                if (TMode.Counts)
                {
                    EnterExpression(state, node);
                }

                bool result;
                try
                {
                    if (!left.Read(e, out var a, out var leftValue))
                    {
                        var rightValue = right.Read(e, out var number, out var rightOther) ? ScriptNumber.Of(number) : rightOther!;
                        result = Settle(General(e, node, leftValue!, rightValue), out whole, out other);
                    }
                    else if (!right.Read(e, out var b, out var rightValue))
                    {
                        result = Settle(General(e, node, ScriptNumber.Of(a), rightValue!), out whole, out other);
                    }
                    else if (TOperator.Apply(a, b, out whole, out other))
                    {
                        result = true;
                    }
                    else
                    {
                        result = other is not null ? false : Settle(General(e, node, ScriptNumber.Of(a), ScriptNumber.Of(b)), out whole, out other);
                    }
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = node.Span;
                    throw;
                }

                if (TMode.Counts)
                {
                    state.EvaluationDepth--;
                }

                return result;
            };

        // As Binary, for an operation with a constant right operand that never needs the general rules.
        private static CompiledWhole ByConstant<TLeft, TOperation, TMode>(BinaryExpression node, TLeft left, TOperation operation, CompiledWhole? accounted, int height)
            where TLeft : struct, IWholeOperand
            where TOperation : struct, IConstantOperation
            where TMode : struct, IAccounting =>
            (Evaluator e, out long whole, out ScriptValue? other) =>
            {
                var state = e.State;
                if (TMode.IsRoot && !ChainFits(state, height))
                {
                    return accounted!(e, out whole, out other);
                }

                if (TMode.Counts)
                {
                    EnterExpression(state, node);
                }

                bool result;
                try
                {
                    if (left.Read(e, out var a, out var leftValue))
                    {
                        whole = operation.Apply(a);
                        other = null;
                        result = true;
                    }
                    else
                    {
                        result = Settle(General(e, node, leftValue!, operation.Operand), out whole, out other);
                    }
                }
                catch (ScriptRuntimeException x) when (x.Span is null)
                {
                    x.Span = node.Span;
                    throw;
                }

                if (TMode.Counts)
                {
                    state.EvaluationDepth--;
                }

                return result;
            };

        private static ScriptValue General(Evaluator e, BinaryExpression node, ScriptValue left, ScriptValue right)
        {
            try
            {
                return Operators.Binary(e.State, node.Operator, left, right);
            }
            catch (ScriptRuntimeException x) when (x.Span is null)
            {
                x.Span = node.OperatorSpan;
                throw;
            }
        }
    }

    /// <summary>How a whole-number node counts nesting: as in the tree walker, not at all (inside a pure chain), or as a chain's root.</summary>
    internal interface IAccounting
    {
        static abstract bool Counts { get; }

        static abstract bool IsRoot { get; }
    }

    private readonly struct Accounted : IAccounting
    {
        public static bool Counts => true;

        public static bool IsRoot => false;
    }

    private readonly struct Unaccounted : IAccounting
    {
        public static bool Counts => false;

        public static bool IsRoot => false;
    }

    private readonly struct Root : IAccounting
    {
        public static bool Counts => false;

        public static bool IsRoot => true;
    }

    /// <summary>An operand of a whole-number chain: true with its value when it is a NUMBER, else false with the value.</summary>
    internal interface IWholeOperand
    {
        bool Read(Evaluator evaluator, out long whole, out ScriptValue? other);
    }

    private readonly struct ConstantOperand(ScriptNumber number) : IWholeOperand
    {
        private readonly long _value = number.Value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Read(Evaluator evaluator, out long whole, out ScriptValue? other)
        {
            whole = _value;
            other = null;
            return true;
        }
    }

    private readonly struct SlotOperand(VariableExpression variable) : IWholeOperand
    {
        private readonly int _slot = variable.Slot;
        private readonly VariableExpression _variable = variable;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Read(Evaluator evaluator, out long whole, out ScriptValue? other)
        {
            var value = evaluator._slots[_slot].Value ?? UndefinedVariable(_variable);
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
    }

    private readonly struct NodeOperand(CompiledWhole compiled) : IWholeOperand
    {
        private readonly CompiledWhole _compiled = compiled;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Read(Evaluator evaluator, out long whole, out ScriptValue? other) => _compiled(evaluator, out whole, out other);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScriptValue UndefinedVariable(VariableExpression variable) => throw Undefined(variable.Name, variable.Span);

    /// <summary>An operation with a whole-number constant as its right operand that never fails.</summary>
    internal interface IConstantOperation
    {
        ScriptNumber Operand { get; }

        long Apply(long a);
    }

    /// <summary>Divisors whose remainders <see cref="ModuloByConstant"/> computes by multiplication.</summary>
    internal static class ConstantDivisor
    {
        public static bool Fits(long divisor) => divisor is not (0 or -1) && divisor is >= -uint.MaxValue and <= uint.MaxValue;
    }

    /// <summary>
    /// a % d for a constant d (not 0 or -1, |d| below 2^32): the remainder of |a| by |d| by two multiplications when |a| is
    /// below 2^32 (D. Lemire, "Faster remainder by direct computation", 2019), else by division; the sign follows a, as % does.
    /// </summary>
    internal readonly struct ModuloByConstant(ScriptNumber divisor) : IConstantOperation
    {
        private readonly long _divisor = divisor.Value;
        private readonly ulong _magnitude = (ulong)Math.Abs(divisor.Value);
        private readonly ulong _multiplier = unchecked((ulong.MaxValue / (ulong)Math.Abs(divisor.Value)) + 1);

        public ScriptNumber Operand { get; } = divisor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Apply(long a)
        {
            var magnitude = a < 0 ? unchecked(0UL - (ulong)a) : (ulong)a;
            if (magnitude > uint.MaxValue)
            {
                return a % _divisor;
            }

            var remainder = (long)Math.BigMul(unchecked(_multiplier * magnitude), _magnitude, out _);
            return a < 0 ? -remainder : remainder;
        }
    }

    /// <summary>
    /// One whole-number operator: true with the result in whole; false with a boolean in other for a comparison;
    /// false with other null when the general rules apply (division by 0 or -1, inexact division).
    /// </summary>
    internal interface IWholeOperator
    {
        static abstract bool Apply(long a, long b, out long whole, out ScriptValue? other);
    }

    private static bool Boolean(bool value, out long whole, out ScriptValue? other)
    {
        whole = 0;
        other = value ? ScriptBoolean.True : ScriptBoolean.False;
        return false;
    }

    private static bool WholeResult(long value, out long whole, out ScriptValue? other)
    {
        whole = value;
        other = null;
        return true;
    }

    // 32-bit division is several times faster than 64-bit on many CPUs; the callers exclude b = 0 and b = -1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Remainder(long a, long b) => a == (int)a && b == (int)b ? (int)a % (int)b : a % b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Quotient(long a, long b) => a == (int)a && b == (int)b ? (int)a / (int)b : a / b;

    private static bool GeneralRules(out long whole, out ScriptValue? other)
    {
        whole = 0;
        other = null;
        return false;
    }

    private readonly struct AddOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => WholeResult(checked(a + b), out whole, out other);
    }

    private readonly struct SubtractOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => WholeResult(checked(a - b), out whole, out other);
    }

    private readonly struct MultiplyOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => WholeResult(checked(a * b), out whole, out other);
    }

    private readonly struct DivideOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) =>
            b is not (0 or -1) && Remainder(a, b) == 0 ? WholeResult(Quotient(a, b), out whole, out other) : GeneralRules(out whole, out other);
    }

    private readonly struct ModuloOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) =>
            b != 0 ? WholeResult(b == -1 ? 0 : Remainder(a, b), out whole, out other) : GeneralRules(out whole, out other);
    }

    private readonly struct LessOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a < b, out whole, out other);
    }

    private readonly struct LessOrEqualOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a <= b, out whole, out other);
    }

    private readonly struct GreaterOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a > b, out whole, out other);
    }

    private readonly struct GreaterOrEqualOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a >= b, out whole, out other);
    }

    private readonly struct EqualOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a == b, out whole, out other);
    }

    private readonly struct NotEqualOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => Boolean(a != b, out whole, out other);
    }

    // Any other operator: the general rules (and their error) apply.
    private readonly struct GeneralOperator : IWholeOperator
    {
        public static bool Apply(long a, long b, out long whole, out ScriptValue? other) => GeneralRules(out whole, out other);
    }
}
