using Microsoft.AspNetCore.Hosting;
using Portal.TestSupport;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.MultiInstance;

/// <summary>Three real portal hosts on one PostgreSQL database, sharing the key-ring certificate's folder.</summary>
public sealed class SharedInstances : IDisposable
{
    private readonly PostgresTestDatabase database = new();
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public SharedInstances(IReadOnlyDictionary<string, string> settings)
    {
        var first = new Instance(settings) { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = database, DataDirectory = dataDirectory, DeleteDataOnDispose = false };
        _ = first.Services;
        All =
        [
            first,
            new Instance(settings) { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = database, DataDirectory = dataDirectory, DeleteDataOnDispose = false },
            new Instance(settings) { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = database, DataDirectory = dataDirectory, DeleteDataOnDispose = false },
        ];
    }

    public IReadOnlyList<PortalWebFactory> All { get; }

    public void Dispose()
    {
        foreach (var instance in All)
        {
            instance.Dispose();
        }

        database.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    private sealed class Instance(IReadOnlyDictionary<string, string> settings) : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
