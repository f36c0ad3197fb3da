using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis;

/// <summary>Sandbox Sheets: each user's spreadsheets and rows, behind <c>sheets.read</c> / <c>sheets.write</c>.</summary>
internal static class SheetsApi
{
    public static void MapSheetsApi(this IEndpointRouteBuilder app)
    {
        var sheets = app.MapGroup(SandboxCatalog.SheetsBasePath + "spreadsheets");
        sheets.MapGet("", ListAsync).RequireScope(SandboxCatalog.SheetsRead);
        sheets.MapPost("", CreateAsync).RequireScope(SandboxCatalog.SheetsWrite);
        sheets.MapGet("{sheetId:int}/rows", ReadRowsAsync).RequireScope(SandboxCatalog.SheetsRead);
        sheets.MapPost("{sheetId:int}/rows", AppendAsync).RequireScope(SandboxCatalog.SheetsWrite);
        sheets.MapPut("{sheetId:int}/rows/{rowId:int}", UpdateAsync).RequireScope(SandboxCatalog.SheetsWrite);
        sheets.MapDelete("{sheetId:int}/rows/{rowId:int}", DeleteAsync).RequireScope(SandboxCatalog.SheetsWrite);
    }

    private static async Task<IResult> ListAsync(HttpContext http, SandboxDbContext db)
    {
        if (UserOf(http) is not { } userId)
        {
            return NeedsUser();
        }

        var sheets = await db.Spreadsheets.Where(s => s.OwnerId == userId).OrderBy(s => s.Id)
            .Select(s => new { id = s.Id, title = s.Title, columns = s.Columns, rowCount = s.Rows.Count })
            .ToListAsync(http.RequestAborted);
        return Results.Ok(new { spreadsheets = sheets });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxDbContext db, NewSpreadsheet? input)
    {
        if (UserOf(http) is not { } userId)
        {
            return NeedsUser();
        }

        var title = input?.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200 || input!.Columns is { Count: > 50 })
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_spreadsheet",
                "Send a title (up to 200 characters) and optional columns, e.g. {\"title\":\"Leads\",\"columns\":[\"Name\",\"Email\"]}.");
        }

        var sheet = new Spreadsheet
        {
            OwnerId = userId,
            Title = title,
            Columns = [.. (input.Columns ?? []).Where(column => !string.IsNullOrWhiteSpace(column)).Select(column => column.Trim()).Distinct()],
        };
        db.Spreadsheets.Add(sheet);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Created(
            $"{SandboxCatalog.SheetsBasePath}spreadsheets/{sheet.Id}/rows",
            new { id = sheet.Id, title = sheet.Title, columns = sheet.Columns, rowCount = 0 });
    }

    private static async Task<IResult> ReadRowsAsync(HttpContext http, SandboxDbContext db, int sheetId)
    {
        if (await FindAsync(http, db, sheetId) is not { } sheet)
        {
            return NotFound(http, sheetId);
        }

        return Results.Ok(new
        {
            spreadsheetId = sheet.Id,
            title = sheet.Title,
            columns = sheet.Columns,
            rows = sheet.Rows.OrderBy(r => r.Id).Select(Row),
        });
    }

    private static async Task<IResult> AppendAsync(HttpContext http, SandboxDbContext db, int sheetId)
    {
        if (await FindAsync(http, db, sheetId) is not { } sheet)
        {
            return NotFound(http, sheetId);
        }

        var (values, problem) = await RowValuesReader.ReadAsync(http.Request);
        if (values is null)
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_row", problem!);
        }

        var row = new SpreadsheetRow { Values = values };
        sheet.Rows.Add(row);
        AddNewColumns(sheet, values);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Created($"{SandboxCatalog.SheetsBasePath}spreadsheets/{sheet.Id}/rows/{row.Id}", Row(row));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, SandboxDbContext db, int sheetId, int rowId)
    {
        if (await FindAsync(http, db, sheetId) is not { } sheet)
        {
            return NotFound(http, sheetId);
        }

        if (sheet.Rows.SingleOrDefault(r => r.Id == rowId) is not { } row)
        {
            return RowNotFound(sheetId, rowId);
        }

        var (values, problem) = await RowValuesReader.ReadAsync(http.Request);
        if (values is null)
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_row", problem!);
        }

        var merged = new Dictionary<string, string>(row.Values);
        foreach (var (column, value) in values)
        {
            merged[column] = value;
        }

        row.Values = merged;
        AddNewColumns(sheet, values);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(Row(row));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, SandboxDbContext db, int sheetId, int rowId)
    {
        if (await FindAsync(http, db, sheetId) is not { } sheet)
        {
            return NotFound(http, sheetId);
        }

        if (sheet.Rows.SingleOrDefault(r => r.Id == rowId) is not { } row)
        {
            return RowNotFound(sheetId, rowId);
        }

        db.SpreadsheetRows.Remove(row);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.NoContent();
    }

    private static object Row(SpreadsheetRow row) => new { id = row.Id, values = row.Values };

    private static void AddNewColumns(Spreadsheet sheet, Dictionary<string, string> values)
    {
        var added = values.Keys.Where(column => !sheet.Columns.Contains(column)).ToList();
        if (added.Count > 0)
        {
            sheet.Columns = [.. sheet.Columns, .. added];
        }
    }

    private static string? UserOf(HttpContext http) => http.Caller() is { IsUser: true } caller ? caller.Subject : null;

    /// <summary>Only the token's own user's sheets are visible; someone else's id looks exactly like a missing one.</summary>
    private static Task<Spreadsheet?> FindAsync(HttpContext http, SandboxDbContext db, int sheetId)
    {
        var userId = UserOf(http);
        return userId is null
            ? Task.FromResult<Spreadsheet?>(null)
            : db.Spreadsheets.Include(s => s.Rows).SingleOrDefaultAsync(s => s.Id == sheetId && s.OwnerId == userId, http.RequestAborted);
    }

    private static IResult NotFound(HttpContext http, int sheetId) => UserOf(http) is null
        ? NeedsUser()
        : ApiAccess.Error(StatusCodes.Status404NotFound, "not_found",
            $"There is no spreadsheet {sheetId} in your Sandbox Sheets. List yours with GET {SandboxCatalog.SheetsBasePath}spreadsheets.");

    private static IResult RowNotFound(int sheetId, int rowId) =>
        ApiAccess.Error(StatusCodes.Status404NotFound, "not_found",
            $"Spreadsheet {sheetId} has no row {rowId}. Read its rows with GET {SandboxCatalog.SheetsBasePath}spreadsheets/{sheetId}/rows.");

    internal static IResult NeedsUser() =>
        ApiAccess.Error(StatusCodes.Status403Forbidden, "user_required",
            "This API works on a Sandbox Cloud user's data, but this token was issued to a client (client credentials). Use the authorization code flow.");
}
