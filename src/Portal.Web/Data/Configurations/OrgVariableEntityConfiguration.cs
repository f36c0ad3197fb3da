using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Variables;

namespace Portal.Web.Data.Configurations;

internal sealed class OrgVariableEntityConfiguration : IEntityTypeConfiguration<OrgVariableEntity>
{
    public void Configure(EntityTypeBuilder<OrgVariableEntity> builder)
    {
        builder.ToTable("OrgVariables");
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Value).HasMaxLength(4000);
        builder.Property(v => v.Description).HasMaxLength(500);
        builder.Property(v => v.UpdatedByEmail).HasMaxLength(256);
        builder.Property(v => v.UpdatedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.HasIndex(v => v.Name).IsUnique();
    }
}
