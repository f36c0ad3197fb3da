namespace Portal.Web.Functions.Editor;

/// <summary>One completion/hover entry sent to the editor. Kind: function, method, keyword, value, snippet, taskKey.</summary>
public sealed record DelugeCompletionItem(string Kind, string Label, string InsertText, string Signature, string Documentation, string? AppliesTo = null);
