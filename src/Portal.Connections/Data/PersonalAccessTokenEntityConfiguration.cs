using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class PersonalAccessTokenEntityConfiguration : IEntityTypeConfiguration<PersonalAccessTokenEntity>
{
    public void Configure(EntityTypeBuilder<PersonalAccessTokenEntity> b)
    {
        b.ToTable("PersonalAccessTokens");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(e => e.UserId);
        b.Property(e => e.Name).HasMaxLength(100).IsRequired();
        b.Property(e => e.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.Property(e => e.Prefix).HasMaxLength(16).IsRequired();
    }
}
