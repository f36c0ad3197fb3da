using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Data.Configurations;

internal sealed class RunLimitStartConfiguration : IEntityTypeConfiguration<RunLimitStart>
{
    public void Configure(EntityTypeBuilder<RunLimitStart> builder)
    {
        builder.ToTable("RunLimitStarts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(300);
        builder.HasIndex(s => new { s.Key, s.At });
    }
}
