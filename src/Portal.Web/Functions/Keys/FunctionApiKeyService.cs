using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Keys;

/// <summary>
/// One API key per function (<c>pfk_…</c>): generated on demand, shown once, stored as SHA-256 (SEC-21),
/// runs as the user who enabled it. Only the owner or an Admin manages it.
/// </summary>
internal sealed class FunctionApiKeyService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time, FunctionRunCache? runCache = null)
{
    private readonly FunctionRunCache cache = runCache ?? new FunctionRunCache(dbFactory);

    public const string KeyPrefix = "pfk_";

    private const string GoneError = "This function no longer exists. Go back to the functions list and refresh it.";
    private const string ManageError = "Only the function's owner or an Admin can manage its API key. Ask them to do it.";

    public async Task<FunctionApiKeyInfo?> GetAsync(int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Functions.AsNoTracking().Where(f => f.Id == functionId && f.ApiKeyHash != null)
            .Select(f => new
            {
                f.ApiKeyPrefix, f.ApiKeyUserId, f.ApiKeyCreatedAt, f.ApiKeyDisabledAt, f.ApiKeyDisabledReason,
                Email = db.Users.Where(u => u.Id == f.ApiKeyUserId).Select(u => u.Email).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new FunctionApiKeyInfo(row.ApiKeyPrefix ?? KeyPrefix, row.ApiKeyUserId!, row.Email, row.ApiKeyCreatedAt ?? DateTimeOffset.MinValue)
        {
            DisabledAt = row.ApiKeyDisabledAt,
            DisabledReason = row.ApiKeyDisabledReason,
        };
    }

    /// <summary>Enables the key, or replaces it (the old key stops working at once). The key is in the result only.</summary>
    public async Task<FunctionApiKeyResult> GenerateAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entity, refusal) = await ManageableAsync(db, user, functionId, ct);
        if (entity is null)
        {
            return refusal!;
        }

        var regenerated = entity.ApiKeyHash is not null;
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        entity.ApiKeyHash = Hash(key);
        entity.ApiKeyPrefix = key[..12];
        entity.ApiKeyUserId = FunctionPermissions.UserId(user);
        entity.ApiKeyCreatedAt = time.GetUtcNow();

        // Whoever generates a key approves the code as it is now (SEC-36).
        entity.ApiKeyDisabledAt = null;
        entity.ApiKeyDisabledReason = null;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), regenerated ? FunctionAuditActions.ApiKeyRegenerated : FunctionAuditActions.ApiKeyEnabled, "function", entity.ApiName, $"key {entity.ApiKeyPrefix}…", ct);
        var email = await db.Users.Where(u => u.Id == entity.ApiKeyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return new FunctionApiKeyResult(key, new FunctionApiKeyInfo(entity.ApiKeyPrefix, entity.ApiKeyUserId, email, entity.ApiKeyCreatedAt.Value), null);
    }

    /// <summary>Removes the key; calls with it are refused with 401 from then on.</summary>
    public async Task<FunctionApiKeyResult> DisableAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entity, refusal) = await ManageableAsync(db, user, functionId, ct);
        if (entity is null)
        {
            return refusal!;
        }

        if (entity.ApiKeyHash is null)
        {
            return new FunctionApiKeyResult(null, null, null);
        }

        var prefix = entity.ApiKeyPrefix;
        entity.ApiKeyHash = null;
        entity.ApiKeyPrefix = null;
        entity.ApiKeyUserId = null;
        entity.ApiKeyCreatedAt = null;
        entity.ApiKeyDisabledAt = null;
        entity.ApiKeyDisabledReason = null;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ApiKeyDisabled, "function", entity.ApiName, $"key {prefix}…", ct);
        return new FunctionApiKeyResult(null, null, null);
    }

    /// <summary>
    /// SEC-36: the key's enabler approves the function's current code, and the same key works again. Only they may: anyone
    /// else re-enabling it would make calls run as the enabler with code the enabler never saw (others generate a new key).
    /// </summary>
    public async Task<FunctionApiKeyResult> ReenableAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entity, refusal) = await ManageableAsync(db, user, functionId, ct);
        if (entity is null)
        {
            return refusal!;
        }

        if (entity.ApiKeyHash is null || entity.ApiKeyDisabledAt is null)
        {
            return FunctionApiKeyResult.Fail("The API key is not disabled, so there is nothing to re-enable. Reload the page to see its state.");
        }

        if (entity.ApiKeyUserId != FunctionPermissions.UserId(user))
        {
            var enabler = await db.Users.Where(u => u.Id == entity.ApiKeyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            return FunctionApiKeyResult.Fail(
                $"Only {enabler ?? "the person who enabled the key"} can approve the new code for this key, because calls with it run as them. Ask them, or generate a new key (it runs as you).");
        }

        entity.ApiKeyDisabledAt = null;
        entity.ApiKeyDisabledReason = null;
        await db.SaveChangesAsync(ct);
        var version = await db.FunctionVersions.Where(v => v.FunctionId == functionId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ApiKeyReenabled, "function", entity.ApiName,
            $"key {entity.ApiKeyPrefix}…: code of version {version} approved by its enabler", ct);
        var email = await db.Users.Where(u => u.Id == entity.ApiKeyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return new FunctionApiKeyResult(null, new FunctionApiKeyInfo(entity.ApiKeyPrefix ?? KeyPrefix, entity.ApiKeyUserId!, email, entity.ApiKeyCreatedAt ?? DateTimeOffset.MinValue), null);
    }

    /// <summary>The function when this user may manage its key; otherwise the refusal to show.</summary>
    private static async Task<(FunctionEntity? Entity, FunctionApiKeyResult? Refusal)> ManageableAsync(PortalDbContext db, ClaimsPrincipal user, int functionId, CancellationToken ct)
    {
        var entity = await db.Functions.FirstOrDefaultAsync(f => f.Id == functionId, ct);
        if (entity is null || !FunctionPermissions.CanSee(user, entity.OwnerUserId, entity.Visibility))
        {
            return (null, FunctionApiKeyResult.Fail(GoneError));
        }

        return FunctionPermissions.CanManage(user, entity.OwnerUserId) ? (entity, null) : (null, FunctionApiKeyResult.Fail(ManageError));
    }

    /// <summary>The function and user of a valid key, found by its hash (no secret is compared byte by byte); null otherwise.</summary>
    public async Task<FunctionApiKeyMatch?> FindAsync(string key, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        // Cached by hash like the function itself: a regenerated, disabled or stopped key is a write to Functions (issue #18).
        return await cache.ApiKeys.GetAsync(Hash(key), dbFactory, static async (hash, factory, token) =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            var row = await db.Functions.AsNoTracking().Where(f => f.ApiKeyHash == hash)
                .Select(f => new { f.Id, f.ApiName, f.ApiKeyUserId, f.ApiKeyDisabledReason, f.ApiKeyDisabledAt })
                .FirstOrDefaultAsync(token);
            return row?.ApiKeyUserId is null ? null : new FunctionApiKeyMatch(row.Id, row.ApiName, row.ApiKeyUserId, hash,
                row.ApiKeyDisabledAt is null ? null : row.ApiKeyDisabledReason ?? "The function's code was changed by someone other than the person who enabled its API key.");
        }, ct);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] data) => System.Buffers.Text.Base64Url.EncodeToString(data);
}
