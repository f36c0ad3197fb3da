using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class UserDataTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Two_users_see_only_their_own_spreadsheets()
    {
        var sam = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read sheets.write");
        var riley = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read sheets.write");
        using var api = sandbox.NewApiClient();

        var samsList = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", sam.AccessToken!));
        var rileysList = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", riley.AccessToken!));
        var samsSheet = await ScopeEnforcementTests.FirstSheetIdAsync(api, sam.AccessToken!);
        var rileyReadsSams = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, $"/api/sheets/v1/spreadsheets/{samsSheet}/rows", riley.AccessToken!));
        var rileyWritesSams = await api.SendAsync(SandboxTokens.Bearer(
            HttpMethod.Post, $"/api/sheets/v1/spreadsheets/{samsSheet}/rows", riley.AccessToken!, JsonContent.Create(new { Month = "Hacked" })));

        var samsText = await samsList.Content.ReadAsStringAsync();
        var rileysText = await rileysList.Content.ReadAsStringAsync();
        Assert.Contains("Sam's Budget 2026", samsText);
        Assert.DoesNotContain("Riley", samsText);
        Assert.Contains("Riley's Reading List", rileysText);
        Assert.DoesNotContain("Sam's Budget", rileysText);
        Assert.Equal(HttpStatusCode.NotFound, rileyReadsSams.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rileyWritesSams.StatusCode);
    }

    [Fact]
    public async Task Rows_can_be_appended_updated_and_deleted()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read sheets.write");
        using var api = sandbox.NewApiClient();
        var sheet = await ScopeEnforcementTests.FirstSheetIdAsync(api, tokens.AccessToken!);
        var rows = $"/api/sheets/v1/spreadsheets/{sheet}/rows";

        var appended = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Post, rows, tokens.AccessToken!,
            JsonContent.Create(new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["Title"] = "Kindred", ["Author"] = "Octavia E. Butler", ["Pages"] = 264 } })));
        var rowId = (await appended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var updated = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Put, $"{rows}/{rowId}", tokens.AccessToken!,
            new FormUrlEncodedContent([KeyValuePair.Create("Status", "Read")])));
        var afterUpdate = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, rows, tokens.AccessToken!));
        var snapshotAfterUpdate = await sandbox.Instance.GetSpreadsheetsAsync("Riley@Sandbox.test");
        var deleted = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Delete, $"{rows}/{rowId}", tokens.AccessToken!));
        var afterDelete = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, rows, tokens.AccessToken!));

        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Contains(snapshotAfterUpdate.SelectMany(sheet => sheet.Rows), r => r.GetValueOrDefault("Title") == "Kindred" && r.GetValueOrDefault("Status") == "Read");
        var sheetJson = await afterUpdate.Content.ReadFromJsonAsync<JsonElement>();
        var row = sheetJson.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("id").GetInt32() == rowId).GetProperty("values");
        Assert.Equal("Kindred", row.GetProperty("Title").GetString());
        Assert.Equal("264", row.GetProperty("Pages").GetString());
        Assert.Equal("Read", row.GetProperty("Status").GetString());
        Assert.Contains("Pages", sheetJson.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain("Kindred", await afterDelete.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await sandbox.Instance.GetSpreadsheetsAsync("riley@sandbox.test")).SelectMany(sheet => sheet.Rows), r => r.Values.Contains("Kindred"));
    }

    [Fact]
    public async Task A_new_spreadsheet_belongs_to_its_creator_only()
    {
        var sam = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read sheets.write");
        var riley = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();
        var title = "Leads " + Guid.NewGuid().ToString("N")[..6];

        var created = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Post, "/api/sheets/v1/spreadsheets", sam.AccessToken!,
            JsonContent.Create(new { title, columns = new[] { "Name", "Email" } })));
        var samsList = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", sam.AccessToken!));
        var rileysList = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", riley.AccessToken!));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(title, await samsList.Content.ReadAsStringAsync());
        Assert.DoesNotContain(title, await rileysList.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Appending_something_that_is_not_a_row_gets_a_400_that_says_what_to_send()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read sheets.write");
        using var api = sandbox.NewApiClient();
        var sheet = await ScopeEnforcementTests.FirstSheetIdAsync(api, tokens.AccessToken!);

        var response = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Post, $"/api/sheets/v1/spreadsheets/{sheet}/rows", tokens.AccessToken!,
            new StringContent("[1,2,3]", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON object", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mail_sent_by_one_user_arrives_in_the_other_users_inbox()
    {
        var sam = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "mail.send mail.read");
        var riley = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "mail.read");
        using var api = sandbox.NewApiClient();
        var subject = "Lunch " + Guid.NewGuid().ToString("N")[..6];

        var sent = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Post, "/api/mail/v1/messages", sam.AccessToken!,
            JsonContent.Create(new { to = "riley@sandbox.test", subject, body = "Noon?" })));
        var rileysInbox = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/mail/v1/messages?folder=inbox", riley.AccessToken!));
        var samsSent = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/mail/v1/messages?folder=sent", sam.AccessToken!));
        var samsInbox = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/mail/v1/messages?folder=inbox", sam.AccessToken!));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var delivered = await rileysInbox.Content.ReadAsStringAsync();
        Assert.Contains(subject, delivered);
        Assert.Contains("\"from\":\"sam@sandbox.test\"", delivered);
        Assert.Contains(subject, await samsSent.Content.ReadAsStringAsync());
        Assert.Contains(await sandbox.Instance.GetMailAsync("riley@sandbox.test"), m => m.Subject == subject && m.Folder == "inbox");
        Assert.DoesNotContain(subject, await samsInbox.Content.ReadAsStringAsync());
    }
}
