using System.Runtime.CompilerServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>The compiler's loops, try/catch and blocks.</summary>
internal sealed partial class Evaluator
{
    internal static partial class Compiler
    {
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
    }
}
