using System.Text;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>
/// TEXT. Repeated concatenation shares one StringBuilder (like Jint's concatenated strings),
/// so building text in a loop is linear instead of quadratic. Every character stored is charged to the run (SEC-37).
/// </summary>
public sealed class ScriptText : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Text;

    private const int BuilderThreshold = 256;
    private readonly StringBuilder? _builder;
    private readonly int _owner;
    private string? _value;

    public ScriptText(string value)
    {
        _value = value;
        Length = value.Length;
        RunMemory.ChargeText(value.Length);
    }

    private ScriptText(StringBuilder builder, int length)
    {
        _builder = builder;
        _owner = Environment.CurrentManagedThreadId;
        Length = length;
    }

    public static ScriptText Empty { get; } = new(string.Empty);

    public int Length { get; }

    public string Value => _value ?? Materialize();

    internal static ScriptText Concat(ScriptText left, string right) => right.Length == 0 ? left : Concat(left, right.AsSpan());

    internal static ScriptText Concat(ScriptText left, ReadOnlySpan<char> right)
    {
        if (right.Length == 0)
        {
            return left;
        }

        // Only the thread that made the builder appends to it (a run's values are built on the run's thread), so
        // extending needs no lock; a text shared with another thread is copied there instead of extended.
        if (left._builder is { } shared && left._owner == Environment.CurrentManagedThreadId && shared.Length == left.Length)
        {
            var capacity = shared.Capacity;
            shared.Append(right);
            if (shared.Capacity != capacity)
            {
                RunMemory.Charge(2L * (shared.Capacity - capacity));
            }

            return new ScriptText(shared, shared.Length);
        }

        var total = left.Length + right.Length;
        if (total < BuilderThreshold)
        {
            return new ScriptText(string.Concat(left.Value, right));
        }

        var leftValue = left.Value;
        var reserved = Math.Max(total * 2, 1024);
        RunMemory.Charge(RunMemory.TextOverhead + 2L * reserved);
        var builder = new StringBuilder(reserved);
        builder.Append(leftValue).Append(right);
        return new ScriptText(builder, builder.Length);
    }

    private string Materialize()
    {
        RunMemory.EnsureRoom(2L * Length);
        var value = _builder!.ToString(0, Length);
        RunMemory.ChargeText(Length);
        return _value = value;
    }
}
