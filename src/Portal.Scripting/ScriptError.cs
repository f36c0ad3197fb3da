namespace Portal.Scripting;

/// <summary>Why a run stopped: message plus the 1-based line and column of the failing code (0 when unknown).</summary>
public sealed record ScriptError(string Message, int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
