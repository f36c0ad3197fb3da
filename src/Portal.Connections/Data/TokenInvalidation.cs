using Microsoft.EntityFrameworkCore;

namespace Portal.Connections.Data;

internal static class TokenInvalidation
{
    /// <summary>Marks every authorization of the service as needing re-consent and drops its ciphertext (caller saves).</summary>
    public static async Task<int> InvalidateServiceAsync(DbContext db, string serviceId, string reason, CancellationToken ct)
    {
        var connectionIds = await db.Set<ConnectionEntity>().Where(c => c.ServiceId == serviceId).Select(c => c.Id).ToListAsync(ct);
        var rows = await db.Set<ConnectionAuthorizationEntity>().Where(a => connectionIds.Contains(a.ConnectionId)).ToListAsync(ct);
        foreach (var row in rows.Where(r => r.Status != AuthorizationStatus.NotConnected || r.AccessTokenCiphertext is not null || r.SecretCiphertext is not null))
        {
            Clear(row, AuthorizationStatus.NeedsReauthorization, reason);
        }

        var states = await db.Set<OAuthFlowStateEntity>().Where(s => connectionIds.Contains(s.ConnectionId)).ToListAsync(ct);
        db.RemoveRange(states);
        return rows.Count;
    }

    public static void Clear(ConnectionAuthorizationEntity row, AuthorizationStatus status, string? error)
    {
        row.Status = status;
        row.AccessTokenCiphertext = null;
        row.RefreshTokenCiphertext = null;
        row.SecretCiphertext = null;
        row.ExpiresAt = null;
        row.LastError = error;
        row.RefreshLeaseId = null;
        row.RefreshLeaseExpiresAt = null;
        row.NextRefreshAttemptAt = null;
        row.RefreshFailureCount = 0;
        row.ConcurrencyToken = Guid.NewGuid();
    }
}
