using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>
/// "Every error a user can trigger … loses nothing": another process holds the database's write lock while alice
/// saves; the editor tells her, keeps her code unsaved, and the same Save works once the lock is gone.
/// </summary>
public sealed class DatabaseBusyFlowTests(DatabaseBusyFlowTests.ImpatientPortal browser) : IClassFixture<DatabaseBusyFlowTests.ImpatientPortal>
{
    private const string Code = "// written while the database was busy\nreturn \"kept\";";

    [Fact]
    public async Task Saving_while_the_database_is_locked_keeps_the_code_and_saving_again_later_works()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("alice@portal.local", "Portal-demo-2026");
        await page.WaitForInteractiveAsync();
        await page.CreateFunctionAsync("Busy day", "busy_day");
        await page.SetCodeAsync(Code);
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Unsaved changes");

        await using (var lockHolder = await WriteLockAsync())
        {
            await page.GetByTestId("save-function").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "The database is busy" })).ToContainTextAsync("so this version was not saved");
            await page.ScreenshotAsync("database-busy-editor");
        }

        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Unsaved changes");
        Assert.Equal(Code, await page.EvaluateAsync<string>("() => portalFunctionEditor.getValue('function-code')"));

        await page.GetByTestId("save-function").ClickAsync();
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Version 2");
        await page.ReloadAsync();
        await page.WaitForEditorAsync();
        Assert.Equal(Code, await page.EvaluateAsync<string>("() => portalFunctionEditor.getValue('function-code')"));
    }

    /// <summary>Takes SQLite's write lock as another process's long transaction would; disposing releases it.</summary>
    private async Task<SqliteConnection> WriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={browser.Portal.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>A portal that waits two seconds for a locked database instead of thirty.</summary>
    public sealed class ImpatientPortal() : BrowserFixture(new PortalServer(databaseWaitSeconds: 2));
}
