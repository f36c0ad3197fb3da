using System.Runtime.CompilerServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>The compiler's whole-number chains: operator and operands as structs, one JIT copy each.</summary>
internal sealed partial class Evaluator
{
    internal static partial class Compiler
    {
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
}
