using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class ConnectionEntityConfiguration : IEntityTypeConfiguration<ConnectionEntity>
{
    public void Configure(EntityTypeBuilder<ConnectionEntity> b)
    {
        b.ToTable("Connections");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100).IsRequired();
        b.Property(e => e.LinkName).HasMaxLength(50).IsRequired();
        b.HasIndex(e => e.LinkName).IsUnique();
        b.Property(e => e.ServiceId).HasMaxLength(50).IsRequired();
        b.HasIndex(e => e.ServiceId);
        b.Property(e => e.OwnerUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(e => e.OwnerUserId);
        b.Property(e => e.Mode).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
    }
}
