namespace Portal.Web.Functions.Editor;

/// <summary>A Monaco marker: 1-based start and end positions with the message; Severity is "error" or "warning".</summary>
public sealed record EditorMarker(int StartLineNumber, int StartColumn, int EndLineNumber, int EndColumn, string Message, string Severity = EditorMarker.Error)
{
    public const string Error = "error";

    public const string Warning = "warning";

    public bool IsWarning => Severity == Warning;
}
