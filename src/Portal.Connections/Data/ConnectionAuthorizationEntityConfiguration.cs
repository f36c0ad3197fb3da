using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class ConnectionAuthorizationEntityConfiguration : IEntityTypeConfiguration<ConnectionAuthorizationEntity>
{
    public void Configure(EntityTypeBuilder<ConnectionAuthorizationEntity> b)
    {
        b.ToTable("ConnectionAuthorizations");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(e => new { e.ConnectionId, e.UserId }).IsUnique();
        b.HasIndex(e => e.UserId);
        b.HasOne<ConnectionEntity>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.UserName).HasMaxLength(500);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.Property(e => e.ProviderAccount).HasMaxLength(500);
        b.Property(e => e.ApiDomain).HasMaxLength(500);
        b.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
    }
}
