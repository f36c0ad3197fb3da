using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class OAuthFlowStateEntityConfiguration : IEntityTypeConfiguration<OAuthFlowStateEntity>
{
    public void Configure(EntityTypeBuilder<OAuthFlowStateEntity> b)
    {
        b.ToTable("ConnectionOAuthStates");
        b.HasKey(e => e.Id);
        b.Property(e => e.StateHash).HasMaxLength(64).IsRequired();
        b.HasIndex(e => e.StateHash).IsUnique();
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.BrowserBindingHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.RedirectUri).HasMaxLength(2000).IsRequired();
        b.Property(e => e.ExpectedIssuer).HasMaxLength(2000);
        b.HasOne<ConnectionEntity>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
