using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.OAuth;
using Portal.Connections.Security;

namespace Portal.Connections.Management;

/// <summary>
/// When a person leaves: revoke each of their OAuth authorizations at the provider (best effort, as deleting a connection
/// does, SEC-8), then delete their authorizations, unfinished consent flows and personal access tokens (SEC-38).
/// </summary>
internal sealed class UserCredentialCleanup : IUserCredentialCleanup
{
    private readonly IConnectionsDbContextFactory _db;
    private readonly ServiceCatalog _catalog;
    private readonly ProviderClient _provider;
    private readonly SecretProtector _protector;
    private readonly ILogger<UserCredentialCleanup> _logger;

    public UserCredentialCleanup(IConnectionsDbContextFactory db, ServiceCatalog catalog, ProviderClient provider, SecretProtector protector, ILogger<UserCredentialCleanup> logger)
    {
        (_db, _catalog, _provider, _protector, _logger) = (db, catalog, provider, protector, logger);
    }

    public async Task<UserCredentialCleanupResult> RemoveAllAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = _db.CreateDbContext();
        var authorizations = await db.Set<ConnectionAuthorizationEntity>().Where(a => a.UserId == userId).ToListAsync(ct);
        var connectionIds = authorizations.Select(a => a.ConnectionId).Distinct().ToList();
        var serviceByConnection = await db.Set<ConnectionEntity>().AsNoTracking().Where(c => connectionIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.ServiceId, ct);
        var revoked = 0;
        foreach (var authorization in authorizations)
        {
            revoked += serviceByConnection.TryGetValue(authorization.ConnectionId, out var serviceId) && await RevokeAtProviderAsync(serviceId, authorization, ct) ? 1 : 0;
        }

        var tokens = await db.Set<PersonalAccessTokenEntity>().Where(t => t.UserId == userId).ToListAsync(ct);
        db.RemoveRange(authorizations);
        db.RemoveRange(tokens);
        db.RemoveRange(await db.Set<OAuthFlowStateEntity>().Where(s => s.UserId == userId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return new UserCredentialCleanupResult(authorizations.Count, revoked, tokens.Count);
    }

    private Task<bool> RevokeAtProviderAsync(string serviceId, ConnectionAuthorizationEntity row, CancellationToken ct) =>
        ProviderRevocation.RevokeAsync(_catalog, _provider, _protector, _logger, serviceId, row, $"an authorization of service {serviceId}", ct);
}
