using System.Text;

namespace Portal.Scripting.Values;

/// <summary>
/// TEXT. Repeated concatenation shares one StringBuilder (like Jint's concatenated strings),
/// so building text in a loop is linear instead of quadratic.
/// </summary>
public sealed class ScriptText : ScriptValue
{
    private const int BuilderThreshold = 256;
    private readonly StringBuilder? _builder;
    private string? _value;

    public ScriptText(string value)
        : base(ScriptValueKind.Text)
    {
        _value = value;
        Length = value.Length;
    }

    private ScriptText(StringBuilder builder, int length)
        : base(ScriptValueKind.Text)
    {
        _builder = builder;
        Length = length;
    }

    public static ScriptText Empty { get; } = new(string.Empty);

    public int Length { get; }

    public string Value => _value ??= _builder!.ToString(0, Length);

    internal static ScriptText Concat(ScriptText left, string right)
    {
        if (right.Length == 0)
        {
            return left;
        }

        if (left._builder is { } shared)
        {
            lock (shared)
            {
                if (shared.Length == left.Length)
                {
                    shared.Append(right);
                    return new ScriptText(shared, shared.Length);
                }
            }
        }

        var total = left.Length + right.Length;
        if (total < BuilderThreshold)
        {
            return new ScriptText(string.Concat(left.Value, right));
        }

        var builder = new StringBuilder(Math.Max(total * 2, 1024));
        builder.Append(left.Value).Append(right);
        return new ScriptText(builder, builder.Length);
    }
}
