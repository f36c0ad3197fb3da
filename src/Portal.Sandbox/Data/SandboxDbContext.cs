using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Portal.Sandbox.Data;

/// <summary>The sandbox's own database: demo users and data, plus the OpenIddict tables.</summary>
internal sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    public DbSet<SandboxUser> Users => Set<SandboxUser>();

    public DbSet<Spreadsheet> Spreadsheets => Set<Spreadsheet>();

    public DbSet<SpreadsheetRow> SpreadsheetRows => Set<SpreadsheetRow>();

    public DbSet<SandboxMailMessage> MailMessages => Set<SandboxMailMessage>();

    public DbSet<CrmRecord> CrmRecords => Set<CrmRecord>();

    public DbSet<CrmAttachment> CrmAttachments => Set<CrmAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<SandboxUser>(user =>
        {
            user.HasKey(u => u.Id);
            user.HasIndex(u => u.Email).IsUnique();
        });

        modelBuilder.Entity<Spreadsheet>(sheet =>
        {
            sheet.HasIndex(s => s.OwnerId);
            sheet.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.SpreadsheetId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SpreadsheetRow>().Property(r => r.Values).HasConversion(
            values => JsonSerializer.Serialize(values, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, string>>(
                (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                values => JsonSerializer.Serialize(values, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
                values => new Dictionary<string, string>(values)));

        modelBuilder.Entity<SandboxMailMessage>().HasIndex(m => new { m.OwnerId, m.Folder });

        modelBuilder.Entity<CrmRecord>(record =>
        {
            record.Property(r => r.Id).ValueGeneratedNever();
            record.HasIndex(r => r.Module);
            record.Property(r => r.Owner).HasConversion(UserRefConverter());
            record.Property(r => r.CreatedBy).HasConversion(UserRefConverter());
            record.Property(r => r.ModifiedBy).HasConversion(UserRefConverter());
        });

        modelBuilder.Entity<CrmAttachment>(attachment =>
        {
            attachment.Property(a => a.Id).ValueGeneratedNever();
            attachment.HasIndex(a => new { a.Module, a.RecordId });
            attachment.Property(a => a.CreatedBy).HasConversion(UserRefConverter());
        });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<CrmUserRef, string> UserRefConverter() => new(
        user => JsonSerializer.Serialize(user, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<CrmUserRef>(json, JsonSerializerOptions.Default) ?? new CrmUserRef("", "", ""));
}
