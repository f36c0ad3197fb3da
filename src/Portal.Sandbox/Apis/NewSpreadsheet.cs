namespace Portal.Sandbox.Apis;

/// <summary>Body of <c>POST /api/sheets/v1/spreadsheets</c>.</summary>
internal sealed record NewSpreadsheet(string? Title, List<string>? Columns);
