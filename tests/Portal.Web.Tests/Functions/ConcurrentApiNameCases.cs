using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Functions;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

/// <summary>
/// Several saves race for one API name: exactly one wins, and every loser is told the name is taken — the unique
/// index's refusal (SQLite's constraint error, PostgreSQL's 23505) is never shown as another error.
/// </summary>
public abstract class ConcurrentApiNameCases(PortalWebFactory factory)
{
    [Fact]
    public async Task Eight_creates_racing_for_one_api_name_give_one_function_and_seven_clear_refusals()
    {
        var alice = await FunctionsApiClient.PrincipalAsync(factory, FunctionsApiClient.Alice);
        var apiName = "race_" + Guid.NewGuid().ToString("N")[..8];
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<IFunctionService>();
            start.Wait();
            return await service.CreateAsync(alice, new FunctionDraft($"Race {i}", apiName, null, []));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal($"A function with the API name {apiName} already exists. Choose another API name.", r.Error));
    }
}

/// <summary>The race on SQLite.</summary>
public sealed class ConcurrentApiNameTests(PortalWebFactory factory) : ConcurrentApiNameCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The race on PostgreSQL.</summary>
public sealed class ConcurrentApiNameOnPostgreSqlTests(PostgresPortalWebFactory factory) : ConcurrentApiNameCases(factory), IClassFixture<PostgresPortalWebFactory>;
