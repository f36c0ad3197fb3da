using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Connections.Data;

public sealed class ServiceDefinitionEntityConfiguration : IEntityTypeConfiguration<ServiceDefinitionEntity>
{
    public void Configure(EntityTypeBuilder<ServiceDefinitionEntity> b)
    {
        b.ToTable("ConnectionServices");
        b.HasKey(e => e.Id);
        b.Property(e => e.ServiceId).HasMaxLength(50).IsRequired();
        b.HasIndex(e => e.ServiceId).IsUnique();
        b.Property(e => e.ClientId).HasMaxLength(500);
        b.Property(e => e.CreatedByUserId).HasMaxLength(450);
        b.Property(e => e.ConfigurationError).HasMaxLength(2000);
        b.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
    }
}
