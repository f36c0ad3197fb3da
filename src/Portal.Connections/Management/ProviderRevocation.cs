using Microsoft.Extensions.Logging;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.OAuth;
using Portal.Connections.Security;

namespace Portal.Connections.Management;

/// <summary>Revokes one authorization at its provider, best effort: local ciphertext is deleted by the caller either way (SEC-8).</summary>
internal static class ProviderRevocation
{
    public static async Task<bool> RevokeAsync(
        ServiceCatalog catalog, ProviderClient provider, SecretProtector protector, ILogger logger,
        string serviceId, ConnectionAuthorizationEntity row, string subject, CancellationToken ct)
    {
        var service = await catalog.GetRuntimeAsync(serviceId, ct);
        if (service?.Descriptor.RevokeUrl is null || service.SetupProblem is not null)
        {
            return false;
        }

        try
        {
            var refresh = protector.UnprotectOptional(SecretKind.RefreshToken, row.Id, row.RefreshTokenCiphertext);
            var access = protector.UnprotectOptional(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext);
            return refresh is not null ? await provider.RevokeAsync(service, refresh, "refresh_token", ct)
                : access is not null && await provider.RevokeAsync(service, access, "access_token", ct);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            logger.LogWarning("Could not decrypt the tokens of {Subject} to revoke them; deleting them locally", subject);
            return false;
        }
    }
}
