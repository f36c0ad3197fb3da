using System.Runtime.CompilerServices;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>The whole-number chains' operands, operators and nesting accounting.</summary>
internal sealed partial class Evaluator
{
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
