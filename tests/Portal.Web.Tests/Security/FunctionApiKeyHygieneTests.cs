using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Web.Data;
using Portal.Web.Tests.FunctionsApi;

namespace Portal.Web.Tests.Security;

/// <summary>SEC-20/21: a function API key sent in the URL (zapikey) or a header is found in no log line, run or audit row.</summary>
public sealed class FunctionApiKeyHygieneTests(AspNetCoreTraceCanaryFactory factory) : IClassFixture<AspNetCoreTraceCanaryFactory>
{
    // SEC-20
    [Fact]
    public async Task An_api_key_in_the_query_string_or_header_appears_in_no_log_line_even_at_trace()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "info crmAPIRequest;\nreturn crmAPIRequest.get(\"params\");", new { name = "crmAPIRequest", type = "map" });
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var anonymous = Infrastructure.LoginClient.CreateClient(factory);
        using var withHeader = FunctionsApiClient.WithKey(factory, key);

        var byQuery = await anonymous.GetAsync(FunctionsApiClient.Execute(apiName) + "?zapikey=" + key + "&n=1");
        var byHeader = await withHeader.PostAsync(FunctionsApiClient.Execute(apiName) + "?n=2", null);
        var wrong = await anonymous.GetAsync(FunctionsApiClient.Execute(apiName) + "?zapikey=" + key + "x");

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain(key, await byQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logs = factory.Logs.Lines;
        Assert.Contains(logs, l => l.Level == LogLevel.Trace);
        Assert.Contains(logs, l => l.Text.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Text.Contains(key, StringComparison.Ordinal));
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var runs = await db.FunctionRuns.AsNoTracking().Select(r => r.InfoJson + r.ReturnValueJson + r.HttpTraceJson).ToListAsync();
        var audit = await db.AuditEvents.AsNoTracking().Select(e => e.Action + e.Details + e.TargetId).ToListAsync();
        Assert.NotEmpty(runs);
        Assert.DoesNotContain(runs.Concat(audit), text => text.Contains(key, StringComparison.Ordinal));
    }
}
