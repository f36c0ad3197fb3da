using System.Globalization;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Arithmetic, concatenation and comparison rules of src/docs/LANGUAGE.md, "Values".</summary>
internal static class Operators
{
    public static ScriptValue Binary(RunState state, BinaryOperator op, ScriptValue left, ScriptValue right)
    {
        if (left is ScriptNumber a && right is ScriptNumber b)
        {
            return Integer(op, a.Value, b.Value);
        }

        switch (op)
        {
            case BinaryOperator.Add when left is ScriptText || right is ScriptText:
                return Concat(state, left, right);
            case BinaryOperator.Subtract when left is ScriptDateTime later && right is ScriptDateTime earlier:
                // Deluge gives the difference of two date-times in milliseconds.
                return ScriptNumber.Of((long)(later.Value - earlier.Value).TotalMilliseconds);
            case BinaryOperator.Equal:
                return ValueComparer.AreEqual(left, right) ? ScriptBoolean.True : ScriptBoolean.False;
            case BinaryOperator.NotEqual:
                return ValueComparer.AreEqual(left, right) ? ScriptBoolean.False : ScriptBoolean.True;
            case BinaryOperator.Less:
                return Bool(ValueComparer.Compare(left, right) < 0);
            case BinaryOperator.LessOrEqual:
                return Bool(ValueComparer.Compare(left, right) <= 0);
            case BinaryOperator.Greater:
                return Bool(ValueComparer.Compare(left, right) > 0);
            case BinaryOperator.GreaterOrEqual:
                return Bool(ValueComparer.Compare(left, right) >= 0);
        }

        if (left is ScriptNumber or ScriptDecimal && right is ScriptNumber or ScriptDecimal)
        {
            return DecimalArithmetic(op, ToDecimal(left), ToDecimal(right));
        }

        throw new ScriptRuntimeException($"cannot use '{Symbol(op)}' on {left.TypeName} ({Evaluator.Short(left)}) and {right.TypeName} ({Evaluator.Short(right)}); convert the values first (toNumber(), toDecimal(), toString())");
    }

    public static ScriptValue Unary(UnaryOperator op, ScriptValue operand)
    {
        switch (op)
        {
            case UnaryOperator.Not when operand is ScriptBoolean boolean:
                return boolean.Value ? ScriptBoolean.False : ScriptBoolean.True;
            case UnaryOperator.Negate when operand is ScriptNumber number:
                return ScriptNumber.Of(checked(-number.Value));
            case UnaryOperator.Negate when operand is ScriptDecimal dec:
                return new ScriptDecimal(-dec.Value);
            default:
                throw new ScriptRuntimeException($"cannot use '{(op == UnaryOperator.Not ? "!" : "-")}' on {operand.TypeName} ({Evaluator.Short(operand)})");
        }
    }

    public static ScriptValue Index(ScriptValue target, ScriptValue index)
    {
        switch (target)
        {
            case ScriptList list when index is ScriptNumber number:
                return number.Value >= 0 && number.Value < list.Count ? list.Items[(int)number.Value] : ScriptNull.Instance;
            case ScriptMap map:
                return map.Entries.TryGetValue(index.ToDisplayString(), out var value) ? value : ScriptNull.Instance;
            default:
                throw new ScriptRuntimeException($"cannot index {target.TypeName} with {index.TypeName}; use list.get(i) or map.get(\"key\")");
        }
    }

    public static decimal ToDecimal(ScriptValue value) => value is ScriptNumber n ? n.Value : ((ScriptDecimal)value).Value;

    private static ScriptBoolean Bool(bool value) => value ? ScriptBoolean.True : ScriptBoolean.False;

    private static ScriptValue Integer(BinaryOperator op, long a, long b)
    {
        switch (op)
        {
            case BinaryOperator.Add: return ScriptNumber.Of(checked(a + b));
            case BinaryOperator.Subtract: return ScriptNumber.Of(checked(a - b));
            case BinaryOperator.Multiply: return ScriptNumber.Of(checked(a * b));
            case BinaryOperator.Divide:
                if (b == 0)
                {
                    throw DivisionByZero();
                }

                return a % b == 0 ? ScriptNumber.Of(checked(a / b)) : new ScriptDecimal((decimal)a / b);
            case BinaryOperator.Modulo:
                if (b == 0)
                {
                    throw DivisionByZero();
                }

                return ScriptNumber.Of(b == -1 ? 0 : a % b);
            case BinaryOperator.Less: return Bool(a < b);
            case BinaryOperator.LessOrEqual: return Bool(a <= b);
            case BinaryOperator.Greater: return Bool(a > b);
            case BinaryOperator.GreaterOrEqual: return Bool(a >= b);
            case BinaryOperator.Equal: return Bool(a == b);
            case BinaryOperator.NotEqual: return Bool(a != b);
            default:
                throw new ScriptRuntimeException($"cannot use '{Symbol(op)}' on NUMBER values; '&&' and '||' need true or false");
        }
    }

    private static ScriptDecimal DecimalArithmetic(BinaryOperator op, decimal a, decimal b)
    {
        switch (op)
        {
            case BinaryOperator.Add: return new ScriptDecimal(a + b);
            case BinaryOperator.Subtract: return new ScriptDecimal(a - b);
            case BinaryOperator.Multiply: return new ScriptDecimal(a * b);
            case BinaryOperator.Divide when b == 0:
            case BinaryOperator.Modulo when b == 0:
                throw DivisionByZero();
            case BinaryOperator.Divide: return new ScriptDecimal(a / b);
            case BinaryOperator.Modulo: return new ScriptDecimal(a % b);
            default:
                throw new ScriptRuntimeException($"cannot use '{Symbol(op)}' on numbers; '&&' and '||' need true or false");
        }
    }

    private static ScriptText Concat(RunState state, ScriptValue left, ScriptValue right)
    {
        if (right is ScriptNumber number && left is ScriptText text)
        {
            // A number's text form (as ValueFormatter writes it) goes straight into the result, without a string of its own.
            Span<char> digits = stackalloc char[20];
            number.Value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            state.CheckTextLength((long)text.Length + written);
            return ScriptText.Concat(text, digits[..written]);
        }

        var rightText = right is ScriptText rt ? rt.Value : state.Display(right);
        if (left is ScriptText leftText)
        {
            state.CheckTextLength((long)leftText.Length + rightText.Length);
            return ScriptText.Concat(leftText, rightText);
        }

        var leftString = state.Display(left);
        state.CheckTextLength((long)leftString.Length + rightText.Length);
        return new ScriptText(string.Concat(leftString, rightText));
    }

    private static ScriptRuntimeException DivisionByZero() =>
        new("division by zero; check that the divisor is not 0 before dividing");

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => op.ToString(),
    };
}
