using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

/// <summary>Two "portal instances" sharing one database: the refresh lease and unique names hold across them.</summary>
public abstract class MultiInstanceRefreshCases : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly ITestDatabase _db;
    private readonly TestEngine _a;
    private readonly TestEngine _b;

    protected MultiInstanceRefreshCases(TestDatabaseKind database)
    {
        _db = TestDatabases.Create(database);
        // Two "portal instances": separate service providers sharing the database, key ring and clock.
        var keys = new EphemeralDataProtectionProvider();
        var time = TestEngine.NewTime();
        void Shared(IServiceCollection s) => s.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IDataProtectionProvider>(keys));
        _a = TestEngine.Create([_provider.Url], configure: Shared, time: time, sharedDb: _db);
        _b = TestEngine.Create([_provider.Url], configure: Shared, time: time, sharedDb: _db);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _db.Dispose();
        _provider.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Two_instances_refreshing_the_same_authorization_make_one_token_request()
    {
        // SEC-15
        await _a.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _a.CreateConnectionAsync("fake_google", "sheets");
        var id = await _a.SeedTokensAsync("sheets", TestEngine.Owner, "old", "r-1", _a.Time.GetUtcNow().AddMinutes(-1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"fresh","refresh_token":"r-2","expires_in":3600}""", delay: TimeSpan.FromMilliseconds(500));

        var calls = Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? _a : _b).Refresher.GetAccessTokenAsync(id)));
        var tokens = await Task.WhenAll(calls);

        Assert.All(tokens, t => Assert.Equal("fresh", t));
        Assert.Single(_provider.TokenCalls("refresh_token"));
    }

    [Fact]
    public async Task Two_instances_creating_the_same_link_name_at_once_make_one_connection_and_tell_the_others_it_is_taken()
    {
        await _a.AddServiceAsync(TestServices.GoogleStyle(_provider));
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? _a : _b).Connections.CreateAsync(
            new CreateConnectionRequest { Name = $"Sheets {i}", LinkName = "sheets", ServiceId = "fake_google", Mode = ConnectionMode.OwnerCredentials },
            TestEngine.Developer())));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("linkName", Assert.Single(r.Errors).Field));
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class MultiInstanceRefreshTests() : MultiInstanceRefreshCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class MultiInstanceRefreshOnPostgreSqlTests() : MultiInstanceRefreshCases(TestDatabaseKind.PostgreSQL);
