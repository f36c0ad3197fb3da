namespace Portal.Web.Functions;

/// <summary>A Monaco marker: 1-based start and end positions with the message; a warning does not stop a run.</summary>
public sealed record EditorMarker(int StartLineNumber, int StartColumn, int EndLineNumber, int EndColumn, string Message, bool IsWarning = false);
