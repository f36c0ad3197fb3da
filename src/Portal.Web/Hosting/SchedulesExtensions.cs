using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Web.Data;
using Portal.Web.Functions.Schedules;
using Quartz;

namespace Portal.Web.Hosting;

/// <summary>
/// Function schedules on Quartz.NET's persistent job store, in the portal's own database. On PostgreSQL the store is
/// clustered: every instance runs a scheduler and Quartz's row locks hand each firing to exactly one of them. SQLite
/// is one instance by design, and Quartz refuses to cluster on it, so there the store is local.
/// </summary>
internal static class SchedulesExtensions
{
    public static WebApplicationBuilder AddPortalSchedules(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScheduleOptions>().Bind(builder.Configuration.GetSection(ScheduleOptions.Section)).ValidateDataAnnotations()
            .Validate(o => ScheduleTriggers.TryZone(o.DefaultTimeZone, out _), $"{ScheduleOptions.Section}:DefaultTimeZone is not a time zone this server knows; use an IANA id such as Europe/Berlin or UTC.")
            .ValidateOnStart();
        services.AddSingleton<ScheduleRunAs>();
        services.AddScoped<FunctionScheduleService>();

        var provider = DatabaseProviders.FromConfiguration(builder.Configuration);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "Portal";

                // Unique per process, so several instances on one machine (or in one test) are distinct cluster nodes.
                scheduler.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
            });
            quartz.UsePersistentStore(store =>
            {
                // Quartz creates its own tables (QRTZ_*) beside the portal's when they are missing; racing instances are safe.
                store.ProvisionSchema();
                store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
                store.UseSystemTextJsonSerializer();
                if (provider == DatabaseProvider.PostgreSQL)
                {
                    store.UsePostgres(source => source.DataSourceFactory = sp => NpgsqlDataSource.Create(sp.GetRequiredService<PortalDatabase>().ConnectionString));
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(source => source.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(sp.GetRequiredService<PortalDatabase>().ConnectionString));
                }
            });
        });

        // Started after the database is migrated (InitializePortalAsync runs before the host starts); a shutdown lets
        // running firings finish so they are recorded.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
