using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Security;

namespace Portal.Web.Hosting;

internal static class DataExtensions
{
    public const string ConnectionStringName = "Portal";

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProviders.FromConfiguration(builder.Configuration);
        var configuredConnection = builder.Configuration.GetConnectionString(ConnectionStringName);
        var connectionString = provider == DatabaseProvider.PostgreSQL
            ? configuredConnection is { Length: > 0 } ? configuredConnection : throw new InvalidOperationException(
                $"{DatabaseProviders.ConfigurationKey} is PostgreSQL but ConnectionStrings:{ConnectionStringName} is empty. Set it to Host=…;Database=…;Username=…;Password=….")
            : ResolveSqliteConnectionString(configuredConnection ?? "Data Source=portal.db", builder.Environment.ContentRootPath);

        var database = new PortalDatabase(provider, connectionString);
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(options => PortalDbContextFactory.Configure(options, database));
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();

        // One key ring in the database, shared by every instance, encrypted at rest with a certificate kept outside it (SEC-19).
        var certificatePath = builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, "keys", "dataprotection.pfx");
        var (certificate, created) = KeyEncryptionCertificate.LoadOrCreate(
            certificatePath, builder.Configuration["DataProtection:CertificatePassword"], TimeProvider.System);
        builder.Services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithCertificate(certificate);
        builder.Services.AddSingleton(new KeyEncryptionCertificateInfo(certificatePath, created));
        builder.Services.AddSingleton<DataProtectionCanary>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditQuery>();
        builder.Services.AddSingleton<AuditTargetNames>();
        return builder;
    }

    /// <summary>Relative SQLite paths are anchored at the content root, so the database lives beside the app whatever the working directory.</summary>
    internal static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        // A busy database is waited for (Microsoft.Data.Sqlite's default is 30 s, `Default Timeout=` changes it) before
        // the user gets DatabaseBusy's message instead of a failed action.

        return csb.ToString();
    }
}
