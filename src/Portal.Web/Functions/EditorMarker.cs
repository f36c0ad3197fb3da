namespace Portal.Web.Functions;

/// <summary>A Monaco marker: 1-based start and end positions with the message.</summary>
public sealed record EditorMarker(int StartLineNumber, int StartColumn, int EndLineNumber, int EndColumn, string Message);
