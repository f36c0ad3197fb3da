namespace Portal.Sandbox;

/// <summary>A read-only copy of one user's spreadsheet, for end-to-end tests that check what an API call changed.</summary>
public sealed record SandboxSheetSnapshot(
    int Id,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);
