using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Data;

namespace Portal.Sandbox;

/// <summary>A running Sandbox Cloud server; dispose to stop it.</summary>
public sealed class SandboxInstance : IAsyncDisposable
{
    private readonly WebApplication app;

    internal SandboxInstance(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>Actual base URL, e.g. <c>http://127.0.0.1:5100/</c> (the real port when 0 was configured).</summary>
    public Uri Url { get; }

    /// <summary>Issuer identifier, as in discovery and in the <c>iss</c> of authorization responses (with trailing slash).</summary>
    public string Issuer => Url.AbsoluteUri;

    public IServiceProvider Services => app.Services;

    /// <summary>The spreadsheets of a demo account, e.g. to prove a function really appended a row.</summary>
    public async Task<IReadOnlyList<SandboxSheetSnapshot>> GetSpreadsheetsAsync(string userEmail, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SandboxDbContext>();
        var email = userEmail.Trim().ToLowerInvariant();
        var sheets = await db.Spreadsheets.Include(s => s.Rows)
            .Where(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == email))
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        return [.. sheets.Select(s => new SandboxSheetSnapshot(
            s.Id,
            s.Title,
            [.. s.Columns],
            [.. s.Rows.OrderBy(r => r.Id).Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(r.Values))]))];
    }

    /// <summary>The mailbox of a demo account, newest first.</summary>
    public async Task<IReadOnlyList<SandboxMailSnapshot>> GetMailAsync(string userEmail, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SandboxDbContext>();
        var email = userEmail.Trim().ToLowerInvariant();
        var messages = await db.MailMessages
            .Where(m => db.Users.Any(u => u.Id == m.OwnerId && u.Email == email))
            .OrderByDescending(m => m.Id)
            .ToListAsync(ct);
        return [.. messages.Select(m => new SandboxMailSnapshot(m.Id, m.Folder, m.From, m.To, m.Subject, m.Body))];
    }

    /// <summary>The records of one Sandbox CRM module (e.g. <c>Leads</c>) in id order; an unknown module gives an empty list.</summary>
    public async Task<IReadOnlyList<SandboxCrmRecordSnapshot>> GetCrmRecordsAsync(string module, CancellationToken ct = default)
    {
        if (Apis.Crm.CrmModules.Find(module) is not { } crmModule)
        {
            return [];
        }

        await using var scope = app.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<Apis.Crm.CrmRecordStore>().ListAsync(crmModule, ct);
        return [.. records.Select(r => new SandboxCrmRecordSnapshot(
            r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Module,
            Apis.Crm.CrmJson.Record(r).ToJsonString(),
            r.CreatedBy.Email,
            r.ModifiedBy.Email))];
    }

    /// <summary>The files attached to one record, oldest first.</summary>
    public async Task<IReadOnlyList<SandboxCrmAttachmentSnapshot>> GetCrmAttachmentsAsync(string module, string recordId, CancellationToken ct = default)
    {
        if (Apis.Crm.CrmModules.Find(module) is not { } crmModule || !long.TryParse(recordId, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return [];
        }

        await using var scope = app.Services.CreateAsyncScope();
        var attachments = await scope.ServiceProvider.GetRequiredService<Apis.Crm.CrmAttachmentStore>().ListAsync(crmModule, id, ct);
        return [.. attachments.Select(a => new SandboxCrmAttachmentSnapshot(
            a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.FileName, a.ContentType, a.Content, a.CreatedBy.Email))];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
