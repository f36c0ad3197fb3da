namespace Portal.Scripting;

/// <summary>One declared argument of a <see cref="FunctionHeader"/>: its Deluge type as written (lower-cased) and its name.</summary>
public sealed record FunctionHeaderParameter(string Type, string Name);
