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
    internal static partial class Compiler
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
    }
}
