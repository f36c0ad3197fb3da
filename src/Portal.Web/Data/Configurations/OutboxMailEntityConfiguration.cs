using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Mail;

namespace Portal.Web.Data.Configurations;

internal sealed class OutboxMailEntityConfiguration : IEntityTypeConfiguration<OutboxMailEntity>
{
    public void Configure(EntityTypeBuilder<OutboxMailEntity> builder)
    {
        builder.ToTable("OutboxMails");
        // Unix milliseconds, so SQLite can order by time in the database.
        builder.Property(m => m.CreatedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.UserEmail).HasMaxLength(256);
        builder.Property(m => m.FunctionName).HasMaxLength(200);
        builder.Property(m => m.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.From).HasMaxLength(512);
        builder.Property(m => m.Subject).HasMaxLength(2000);
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
