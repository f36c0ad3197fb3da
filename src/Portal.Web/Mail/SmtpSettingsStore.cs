using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Mail;

/// <summary>Keeps the SMTP settings in the portal's settings table; the password is encrypted with Data Protection (SEC-18).</summary>
internal sealed class SmtpSettingsStore(IDbContextFactory<PortalDbContext> dbFactory, IDataProtectionProvider protection)
{
    public const string SettingsKey = "mail.smtp";
    public const string PasswordKey = "mail.smtp.password";

    // The purpose names the row the ciphertext belongs to, like connection secrets (SEC-18).
    private const string Purpose = "Portal.Web.Mail.Secrets.v1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SmtpSettings> GetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key == SettingsKey || s.Key == PasswordKey).ToListAsync(ct);
        return Read(rows);
    }

    public async Task<SmtpCredentials> GetCredentialsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key == SettingsKey || s.Key == PasswordKey).ToListAsync(ct);
        var stored = rows.FirstOrDefault(r => r.Key == PasswordKey)?.Value;
        return new SmtpCredentials(Read(rows), string.IsNullOrEmpty(stored) ? null : Protector().Unprotect(stored));
    }

    public async Task SaveAsync(SmtpSettingsInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = new SmtpSettings
        {
            Host = input.Host.Trim(),
            Port = input.Port,
            Tls = input.Tls,
            UserName = input.UserName.Trim(),
            DefaultSender = input.DefaultSender.Trim(),
        };
        await UpsertAsync(db, SettingsKey, JsonSerializer.Serialize(settings with { HasPassword = false }, Json), ct);
        if (input.ClearPassword)
        {
            await db.Settings.Where(s => s.Key == PasswordKey).ExecuteDeleteAsync(ct);
        }
        else if (!string.IsNullOrEmpty(input.NewPassword))
        {
            await UpsertAsync(db, PasswordKey, Protector().Protect(input.NewPassword), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static SmtpSettings Read(IReadOnlyList<PortalSetting> rows)
    {
        var json = rows.FirstOrDefault(r => r.Key == SettingsKey)?.Value;
        var settings = json is null ? SmtpSettings.Empty : JsonSerializer.Deserialize<SmtpSettings>(json, Json) ?? SmtpSettings.Empty;
        return settings with { HasPassword = rows.Any(r => r.Key == PasswordKey && !string.IsNullOrEmpty(r.Value)) };
    }

    private static async Task UpsertAsync(PortalDbContext db, string key, string value, CancellationToken ct)
    {
        var row = await db.Settings.FindAsync([key], ct);
        if (row is null)
        {
            db.Settings.Add(new PortalSetting { Key = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector(Purpose, PasswordKey);
}
