namespace Portal.Web.Functions.Editor;

/// <summary>The receiver type the editor guessed (null when unknown) and the method labels in the order to offer them.</summary>
public sealed record MethodRanking(string? Receiver, IReadOnlyList<string> Labels);
