using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Management;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class SecretLeakTests : IAsyncLifetime
{
    private const string Canary = "CANARY7x9q";
    private readonly FakeProvider _provider = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(_provider.Url);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
    }

    [Fact]
    public async Task Canary_secrets_never_reach_logs_traces_errors_or_api_responses()
    {
        // SEC-20
        var sinks = new List<string>();
        var catalog = _host.Services.GetRequiredService<ServiceCatalog>();
        await catalog.CreateCustomAsync(TestServices.GoogleStyle(_provider), "client-1", $"client-secret-{Canary}", "admin");
        await catalog.CreateCustomAsync(TestServices.ApiKey(_provider.ApiBase), null, null, "admin");
        var dev = await _host.ApiClientAsync("alice", ConnectionsRoles.Developer);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "sheets", ServiceId = "fake_google" }));
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "keyed", ServiceId = "fake_apikey" }));
        _provider.OnToken("authorization_code", 200, $$"""{"access_token":"at-{{Canary}}-1","refresh_token":"rt-{{Canary}}-1","expires_in":60}""");
        _provider.OnApi("/api/me");
        _provider.OnApi("/api/items");

        // Consent through the browser endpoints.
        using var start = await _host.Browser("alice").GetAsync("/connections/oauth/start?connection=sheets");
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        var binding = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var callback = await _host.Browser("alice", binding).GetAsync($"/connections/oauth/callback?state={Uri.EscapeDataString(state)}&code=c1");
        sinks.Add(await callback.Content.ReadAsStringAsync());

        // API-key authorization through the REST API.
        using var authorize = await dev.PostAsync("/api/v1/connections/keyed/authorize", Json(new AuthorizeRequest(ApiKey: new() { ["X-Api-Key"] = $"key-{Canary}", ["api_token"] = $"q-{Canary}" })));
        sinks.Add(await authorize.Content.ReadAsStringAsync());

        // Proactive refresh, then calls with trace.
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        _provider.OnToken("refresh_token", 200, $$"""{"access_token":"at-{{Canary}}-2","refresh_token":"rt-{{Canary}}-2","expires_in":60}""");
        var trace = new List<HttpCallTrace>();
        var http = _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectionsHttpClients.Invoke);
        using (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "me").UseConnection("sheets", "alice", trace)))
        using (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "items").UseConnection("keyed", "alice", trace)))
        {
        }

        // invalid_grant produces an error message for the run output.
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        _provider.Server.Reset();
        _provider.OnToken("refresh_token", 400, """{"error":"invalid_grant"}""");
        var error = await Assert.ThrowsAsync<ConnectionsException>(() => http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "me").UseConnection("sheets", "alice")));
        sinks.Add(error.Message);
        sinks.Add(error.ToString());

        foreach (var path in new[] { "/api/v1/services", "/api/v1/connections", "/api/v1/connections/sheets", "/api/v1/connections/keyed" })
        {
            sinks.Add(await dev.GetStringAsync(path));
        }

        sinks.AddRange(trace.Select(t => JsonSerializer.Serialize(t)));
        sinks.AddRange(_host.Logs.Lines);
        var audit = (RecordingAuditSink)_host.Services.GetRequiredService<Security.IConnectionsAuditSink>();
        sinks.AddRange(audit.Events.Select(e => e.ToString()));

        Assert.Single(_provider.TokenCalls("refresh_token"));
        Assert.Equal(ConnectionsErrorKind.NeedsReauthorization, error.Kind);
        Assert.Contains(_host.Logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Contains(trace, t => t.CredentialSent && t.Url.Contains("api_token=••••", StringComparison.Ordinal));
        Assert.DoesNotContain(sinks, s => s.Contains(Canary, StringComparison.OrdinalIgnoreCase));
    }

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value, CatalogJson.Options), System.Text.Encoding.UTF8, "application/json");
}
