namespace Portal.Sandbox.Data;

internal sealed class Spreadsheet
{
    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Title { get; set; }

    /// <summary>Column names in display order; appending a row with a new column extends this list.</summary>
    public List<string> Columns { get; set; } = [];

    public List<SpreadsheetRow> Rows { get; set; } = [];
}
