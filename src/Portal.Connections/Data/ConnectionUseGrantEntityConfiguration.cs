using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class ConnectionUseGrantEntityConfiguration : IEntityTypeConfiguration<ConnectionUseGrantEntity>
{
    public void Configure(EntityTypeBuilder<ConnectionUseGrantEntity> b)
    {
        b.ToTable("ConnectionUseGrants");
        b.HasKey(e => e.Id);
        b.Property(e => e.GranteeUserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.GrantedByUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(e => new { e.ConnectionId, e.GranteeUserId }).IsUnique();
        b.HasIndex(e => e.GranteeUserId);
        b.HasOne<ConnectionEntity>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
