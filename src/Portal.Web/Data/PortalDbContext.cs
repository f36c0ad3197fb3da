using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;
using Portal.Web.Audit;
using Portal.Web.Functions;
using Portal.Web.Integrations;
using Portal.Web.Mail;
using Portal.Web.Variables;

namespace Portal.Web.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<PortalSetting> Settings => Set<PortalSetting>();

    public DbSet<FunctionEntity> Functions => Set<FunctionEntity>();

    public DbSet<FunctionVersionEntity> FunctionVersions => Set<FunctionVersionEntity>();

    public DbSet<FunctionRunEntity> FunctionRuns => Set<FunctionRunEntity>();

    public DbSet<IntegrationBindingEntity> IntegrationBindings => Set<IntegrationBindingEntity>();

    public DbSet<OutboxMailEntity> OutboxMails => Set<OutboxMailEntity>();

    public DbSet<OrgVariableEntity> OrgVariables => Set<OrgVariableEntity>();

    public DbSet<RunLimitStart> RunLimitStarts => Set<RunLimitStart>();

    /// <summary>Every context reports its writes to the run path's caches (<see cref="DataChanges"/>).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(DataChangeInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        ConnectionsModel.Configure(builder);
    }
}
