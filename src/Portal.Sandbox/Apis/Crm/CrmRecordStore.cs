using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Sandbox CRM records in the Sandbox database; one organisation shared by every Sandbox account.</summary>
internal sealed class CrmRecordStore(SandboxDbContext db, TimeProvider timeProvider)
{
    /// <summary>New records are numbered from here on, above every seeded id.</summary>
    public const long FirstNewId = 5843104000000500001;

    // Ids are "max + 1": two concurrent creates must not pick the same one.
    private static readonly SemaphoreSlim IdGate = new(1, 1);

    /// <summary>A module's records in id order; the demo organisation is small enough to filter and sort in memory.</summary>
    public Task<List<CrmRecord>> ListAsync(CrmModule module, CancellationToken ct) =>
        db.CrmRecords.Where(r => r.Module == module.Name).OrderBy(r => r.Id).ToListAsync(ct);

    public Task<CrmRecord?> FindAsync(CrmModule module, long id, CancellationToken ct) =>
        db.CrmRecords.SingleOrDefaultAsync(r => r.Id == id && r.Module == module.Name, ct);

    public async Task<IReadOnlyList<CrmRecord>> AddAsync(CrmModule module, IReadOnlyList<JsonObject> records, CrmUserRef by, CancellationToken ct)
    {
        var now = Now();
        await IdGate.WaitAsync(ct);
        try
        {
            var highest = await db.CrmRecords.MaxAsync(r => (long?)r.Id, ct) ?? 0;
            var next = Math.Max(highest + 1, FirstNewId);
            var added = records.Select(fields => new CrmRecord
            {
                Id = next++,
                Module = module.Name,
                FieldsJson = fields.ToJsonString(),
                Owner = by,
                CreatedBy = by,
                ModifiedBy = by,
                CreatedTime = now,
                ModifiedTime = now,
            }).ToList();
            db.CrmRecords.AddRange(added);
            await db.SaveChangesAsync(ct);
            return added;
        }
        finally
        {
            IdGate.Release();
        }
    }

    public async Task UpdateAsync(CrmRecord record, JsonObject fields, CrmUserRef by, CancellationToken ct)
    {
        record.FieldsJson = fields.ToJsonString();
        record.ModifiedBy = by;
        record.ModifiedTime = Now();
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(CrmRecord record, CancellationToken ct)
    {
        db.CrmRecords.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    // Whole seconds, as Zoho shows times.
    private DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
