using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;
using Portal.Connections.Security;

namespace Portal.Connections.Api;

/// <summary>Personal access tokens <c>pat_…</c>: shown once, stored as SHA-256 (SEC-21).</summary>
internal sealed class PersonalAccessTokenService : IPersonalAccessTokens
{
    public const string TokenPrefix = IPersonalAccessTokens.TokenPrefix;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly IConnectionsDbContextFactory _db;
    private readonly IConnectionsAuditSink _audit;
    private readonly TimeProvider _time;

    public PersonalAccessTokenService(IConnectionsDbContextFactory db, IConnectionsAuditSink audit, TimeProvider time) => (_db, _audit, _time) = (db, audit, time);

    public async Task<CreatedPersonalAccessToken> CreateAsync(string userId, string name, DateTimeOffset? expiresAt = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid, "Enter a token name of 1-100 characters so you can recognise it later.");
        }

        var now = _time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid, "Choose an expiry date in the future, or none.");
        }

        var token = TokenPrefix + Hashing.RandomToken();
        var row = new PersonalAccessTokenEntity
        {
            Id = Guid.NewGuid(), UserId = userId, Name = name.Trim(), TokenHash = Hashing.Sha256Hex(token),
            Prefix = token[..12], CreatedAt = now, ExpiresAt = expiresAt,
        };
        await using var db = _db.CreateDbContext();
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.PersonalAccessTokenCreated, userId, now, Detail: $"token {row.Prefix}…"), ct);
        return new CreatedPersonalAccessToken(row.Id, row.Name, token, row.Prefix, expiresAt);
    }

    public async Task<IReadOnlyList<PersonalAccessTokenInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = _db.CreateDbContext();
        var rows = await db.Set<PersonalAccessTokenEntity>().AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        return [.. rows.OrderByDescending(t => t.CreatedAt).Select(t => new PersonalAccessTokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt is not null))];
    }

    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = _db.CreateDbContext();
        var row = await db.Set<PersonalAccessTokenEntity>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (row is null || row.RevokedAt is not null)
        {
            return false;
        }

        row.RevokedAt = _time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.PersonalAccessTokenRevoked, userId, row.RevokedAt.Value, Detail: $"token {row.Prefix}…"), ct);
        return true;
    }

    /// <summary>The owning user id for a valid, unrevoked, unexpired token; otherwise null.</summary>
    public async Task<string?> ValidateAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hashing.Sha256Hex(token);
        await using var db = _db.CreateDbContext();
        var row = await db.Set<PersonalAccessTokenEntity>().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = _time.GetUtcNow();
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (!(row.LastUsedAt > now - LastUsedResolution))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return row.UserId;
    }
}
