using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Files attached to Sandbox CRM records, in the Sandbox database.</summary>
internal sealed class CrmAttachmentStore(SandboxDbContext db, TimeProvider timeProvider)
{
    /// <summary>Attachment ids are numbered from here on, apart from record ids.</summary>
    public const long FirstNewId = 5843104000000900001;

    private static readonly SemaphoreSlim IdGate = new(1, 1);

    public Task<List<CrmAttachment>> ListAsync(CrmModule module, long recordId, CancellationToken ct) =>
        db.CrmAttachments.AsNoTracking().Where(a => a.Module == module.Name && a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync(ct);

    public Task<CrmAttachment?> FindAsync(CrmModule module, long recordId, long id, CancellationToken ct) =>
        db.CrmAttachments.SingleOrDefaultAsync(a => a.Id == id && a.Module == module.Name && a.RecordId == recordId, ct);

    public async Task<CrmAttachment> AddAsync(CrmModule module, long recordId, string fileName, string contentType, byte[] content, CrmUserRef by, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        await IdGate.WaitAsync(ct);
        try
        {
            var highest = await db.CrmAttachments.MaxAsync(a => (long?)a.Id, ct) ?? 0;
            var attachment = new CrmAttachment
            {
                Id = Math.Max(highest + 1, FirstNewId),
                Module = module.Name,
                RecordId = recordId,
                FileName = fileName,
                ContentType = contentType,
                Content = content,
                CreatedBy = by,
                CreatedTime = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            };
            db.CrmAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment;
        }
        finally
        {
            IdGate.Release();
        }
    }

    public async Task DeleteAsync(CrmAttachment attachment, CancellationToken ct)
    {
        db.CrmAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
    }
}
