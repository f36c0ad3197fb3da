using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Functions;

namespace Portal.Web.Data.Configurations;

internal sealed class FunctionEntityConfiguration : IEntityTypeConfiguration<FunctionEntity>
{
    public void Configure(EntityTypeBuilder<FunctionEntity> builder)
    {
        builder.ToTable("Functions");
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.ApiName).HasMaxLength(50);
        builder.Property(f => f.Description).HasMaxLength(1000);
        builder.Property(f => f.ArgumentsJson).HasMaxLength(8000);
        builder.Property(f => f.OwnerUserId).HasMaxLength(450);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(f => f.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ApiKeyHash).HasMaxLength(64);
        builder.Property(f => f.ApiKeyPrefix).HasMaxLength(16);
        builder.Property(f => f.ApiKeyUserId).HasMaxLength(450);
        builder.Property(f => f.ApiKeyDisabledReason).HasMaxLength(1000);
        builder.HasIndex(f => f.ApiName).IsUnique();

        // Key calls find their function by hash: an index lookup instead of comparing secrets.
        builder.HasIndex(f => f.ApiKeyHash).IsUnique();
    }
}
