using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Security;

/// <summary>
/// SEC-19: on every start, decrypt a value written with the key ring at the first start. If the keys or the certificate
/// protecting them are gone, stored secrets are unreadable, so the portal refuses to start instead of failing later.
/// </summary>
internal sealed class DataProtectionCanary(IDataProtectionProvider provider, IDbContextFactory<PortalDbContext> dbFactory)
{
    public const string SettingKey = "dataprotection.canary";
    private const string Purpose = "Portal.Web.DataProtectionCanary.v1";
    private const string Plaintext = "portal-canary";

    public async Task VerifyAsync(CancellationToken ct = default)
    {
        var protector = provider.CreateProtector(Purpose);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Settings.FindAsync([SettingKey], ct);
        if (stored is null)
        {
            db.Settings.Add(new PortalSetting { Key = SettingKey, Value = protector.Protect(Plaintext) });
            await db.SaveChangesAsync(ct);
            return;
        }

        string decrypted;
        try
        {
            decrypted = protector.Unprotect(stored.Value);
        }
        catch (CryptographicException error)
        {
            throw new InvalidOperationException(
                "Portal cannot decrypt data written by an earlier start: the Data Protection key ring or the certificate that protects it " +
                "is missing or different. Restore the DataProtectionKeys table and the key-encryption certificate " +
                "(DataProtection:CertificatePath) from the same backup, then start again. Starting anyway would make every stored " +
                "token and client secret unreadable.", error);
        }

        if (decrypted != Plaintext)
        {
            throw new InvalidOperationException("The Data Protection canary decrypted to an unexpected value; the key ring is not the one this database was written with.");
        }
    }
}
