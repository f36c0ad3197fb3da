using Microsoft.AspNetCore.Hosting;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Schedules;

/// <summary>One portal instance on a shared PostgreSQL database; instances sharing <see cref="PortalWebFactory.DataDirectory"/> share the key-ring certificate.</summary>
public sealed class PostgresPortalWebFactory(string connectionString) : PortalWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Portal", connectionString);

        // The test is about exactly-once firing, not the per-user gate (SEC-28), which on PostgreSQL holds across instances.
        builder.UseSetting("Portal:Runs:MaxConcurrentPerUser", "100");
        builder.UseSetting("Portal:Runs:MaxStartsPerMinutePerUser", "1000");
    }
}
