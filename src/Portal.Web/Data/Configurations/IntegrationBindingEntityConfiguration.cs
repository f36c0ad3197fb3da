using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Connections.Data;
using Portal.Web.Integrations;

namespace Portal.Web.Data.Configurations;

internal sealed class IntegrationBindingEntityConfiguration : IEntityTypeConfiguration<IntegrationBindingEntity>
{
    public void Configure(EntityTypeBuilder<IntegrationBindingEntity> builder)
    {
        builder.ToTable("IntegrationBindings");
        builder.Property(b => b.Namespace).HasMaxLength(100);
        builder.HasIndex(b => b.Namespace).IsUnique();
        builder.Property(b => b.AuthorizationUserId).HasMaxLength(450);
        builder.Property(b => b.AuthorizationUserEmail).HasMaxLength(256);
        builder.Property(b => b.BoundByUserId).HasMaxLength(450);
        builder.Property(b => b.BoundByEmail).HasMaxLength(256);

        // Deleting the connection unbinds the pack instead of leaving it pointing nowhere.
        builder.HasOne<ConnectionEntity>().WithMany().HasForeignKey(b => b.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
