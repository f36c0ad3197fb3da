namespace Portal.Scripting.Values;

/// <summary>A 64-bit integer NUMBER; small values are cached to keep loops allocation-light.</summary>
public sealed class ScriptNumber : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Number;

    private const int CacheMin = -128;
    private const int CacheMax = 1024;
    private static readonly ScriptNumber[] Cache = CreateCache();

    private ScriptNumber(long value) => Value = value;

    public long Value { get; }

    public static ScriptNumber Of(long value) =>
        value is >= CacheMin and <= CacheMax ? Cache[value - CacheMin] : new ScriptNumber(value);

    private static ScriptNumber[] CreateCache()
    {
        var cache = new ScriptNumber[CacheMax - CacheMin + 1];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = new ScriptNumber(i + CacheMin);
        }

        return cache;
    }
}
