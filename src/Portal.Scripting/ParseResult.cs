namespace Portal.Scripting;

public sealed record ParseResult(IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when there is no error; warnings do not stop a script.</summary>
    public bool Success => !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.IsWarning);
}
