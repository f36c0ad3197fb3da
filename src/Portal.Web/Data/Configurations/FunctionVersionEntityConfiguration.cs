using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Functions;

namespace Portal.Web.Data.Configurations;

internal sealed class FunctionVersionEntityConfiguration : IEntityTypeConfiguration<FunctionVersionEntity>
{
    public void Configure(EntityTypeBuilder<FunctionVersionEntity> builder)
    {
        builder.ToTable("FunctionVersions");
        builder.Property(v => v.ArgumentsJson).HasMaxLength(8000);
        builder.Property(v => v.SavedByUserId).HasMaxLength(450);
        builder.Property(v => v.SavedByEmail).HasMaxLength(256);
        builder.Property(v => v.Message).HasMaxLength(500);
        builder.HasIndex(v => new { v.FunctionId, v.Number }).IsUnique();
        builder.HasOne<FunctionEntity>().WithMany().HasForeignKey(v => v.FunctionId).OnDelete(DeleteBehavior.Cascade);
    }
}
