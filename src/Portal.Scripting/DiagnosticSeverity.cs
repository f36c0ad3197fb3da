namespace Portal.Scripting;

/// <summary>How serious a <see cref="Diagnostic"/> is: an error stops the script from running, a warning does not.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
