using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Functions;

namespace Portal.Web.Data.Configurations;

internal sealed class FunctionRunEntityConfiguration : IEntityTypeConfiguration<FunctionRunEntity>
{
    public void Configure(EntityTypeBuilder<FunctionRunEntity> builder)
    {
        builder.ToTable("FunctionRuns");
        // Unix milliseconds, so SQLite can compare and order start times in the database (pruning).
        builder.Property(r => r.StartedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserEmail).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ErrorMessage).HasMaxLength(4000);
        builder.HasIndex(r => new { r.FunctionId, r.StartedAt });
        builder.HasIndex(r => r.StartedAt);
        builder.HasOne<FunctionEntity>().WithMany().HasForeignKey(r => r.FunctionId).OnDelete(DeleteBehavior.Cascade);
    }
}
