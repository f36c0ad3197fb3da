namespace Portal.Sandbox.Data;

internal sealed class SpreadsheetRow
{
    public int Id { get; set; }

    public int SpreadsheetId { get; set; }

    /// <summary>Cell values keyed by column name, stored as one JSON object.</summary>
    public Dictionary<string, string> Values { get; set; } = [];
}
