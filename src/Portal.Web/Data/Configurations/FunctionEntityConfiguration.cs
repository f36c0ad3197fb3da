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
        builder.HasIndex(f => f.ApiName).IsUnique();
    }
}
