namespace Portal.Scripting;

public sealed record ParseResult(IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Diagnostics.Count == 0;
}
