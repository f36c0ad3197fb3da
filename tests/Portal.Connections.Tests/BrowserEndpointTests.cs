using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class BrowserEndpointTests : IAsyncLifetime
{
    private readonly FakeProvider _provider = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(_provider.Url);
        await _host.Services.GetRequiredService<ServiceCatalog>().CreateCustomAsync(TestServices.GoogleStyle(_provider), "client-1", "secret-1", "admin");
        await _host.Services.GetRequiredService<ConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = "sheets", ServiceId = "fake_google" }, new ConnectionsUser("alice", false, true));
        _provider.OnToken("authorization_code", 200, """{"access_token":"ya29.A","refresh_token":"1//R","expires_in":3600}""");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
    }

    [Fact]
    public async Task Start_redirects_to_the_provider_and_sets_an_httponly_lax_binding_cookie()
    {
        // SEC-3
        using var response = await _host.Browser("alice").GetAsync("/connections/oauth/start?connection=sheets");

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(_provider.AuthorizeUrl + "?", response.Headers.Location!.AbsoluteUri);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Start_requires_a_signed_in_user()
    {
        using var response = await _host.App.GetTestClientWithToken("none").GetAsync("/connections/oauth/start?connection=sheets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Callback_page_posts_the_result_to_the_opener_without_caching_referrer_or_external_resources()
    {
        // SEC-9
        var (state, binding) = await StartAsync("alice");

        using var response = await _host.Browser("alice", binding).GetAsync($"/connections/oauth/callback?state={state}&code=abc");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("history.replaceState", html);
        Assert.Contains("window.opener.postMessage", html);
        Assert.Contains("location.origin", html);
        Assert.Contains("\"portal-oauth\"", html);
        Assert.Contains("\"connected\"", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("abc", html);
        // The host decides where the popup goes back to.
        Assert.Contains("/app/connections/sheets?authorized=1", html);
    }

    [Fact]
    public async Task An_expected_problem_is_shown_in_the_hosts_words()
    {
        // The engine reports what happened and what fixes it (as data); the host's wording says how, with its own pages.
        await _host.Services.GetRequiredService<ServiceCatalog>().UpdateCustomAsync(TestServices.GoogleStyle(_provider), "client-1", null, false, new ConnectionsUser("admin", true, true));

        using var response = await _host.Browser("alice").GetAsync("/connections/oauth/start?connection=sheets");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("which an admin has disabled. [host: EnableService by Admin]", html);
        Assert.Contains("href=\"/app/connections/sheets\"", html);
        Assert.DoesNotContain("Setup", html);
    }

    [Fact]
    public async Task Callback_in_another_browser_shows_the_error_with_a_link_back()
    {
        // SEC-3
        var (state, _) = await StartAsync("alice");

        using var response = await _host.Browser("alice").GetAsync($"/connections/oauth/callback?state={state}&code=abc");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("different browser", html);
        Assert.Contains("href=\"/app/connections/sheets\"", html);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Callback_by_another_signed_in_user_is_rejected()
    {
        // SEC-3
        var (state, binding) = await StartAsync("alice");

        using var response = await _host.Browser("mallory", binding).GetAsync($"/connections/oauth/callback?state={state}&code=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Provider_message_is_html_encoded_on_the_callback_page()
    {
        var (state, binding) = await StartAsync("alice");

        using var response = await _host.Browser("alice", binding).GetAsync($"/connections/oauth/callback?state={state}&error=%3Cscript%3Ealert(1)%3C/script%3E");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public async Task Api_authorize_url_opened_in_the_browser_completes_consent()
    {
        // SEC-3
        _host.Users.Roles["alice"] = [ConnectionsRoles.Developer];
        var api = await _host.ApiClientAsync("alice", ConnectionsRoles.Developer);
        var authorize = System.Text.Json.Nodes.JsonNode.Parse(await (await api.PostAsync("/api/v1/connections/sheets/authorize", null)).Content.ReadAsStringAsync())!;
        var url = new Uri(authorize["authorizeUrl"]!.GetValue<string>());

        using var start = await _host.Browser("alice").GetAsync(url.PathAndQuery);
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        var binding = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var callback = await _host.Browser("alice", binding).GetAsync($"/connections/oauth/callback?state={Uri.EscapeDataString(state)}&code=c");
        var details = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync("/api/v1/connections/sheets"))!;

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("Connected", details["summary"]!["status"]!.GetValue<string>());
        Assert.Equal("alice", details["authorizations"]![0]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logos_are_served_as_svg()
    {
        using var response = await _host.App.GetTestClientWithToken("none").GetAsync("/connections/logos/github.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("github.svg", "#181717")]
    [InlineData("google-sheets.svg", "#34A853")]
    [InlineData("dropbox.svg", "#0061FF")]
    [InlineData("zoho-crm.svg", "#E42527")]
    public async Task Real_providers_have_their_simple_icons_brand_mark_instead_of_a_letter_tile(string file, string brandColour)
    {
        using var response = await _host.App.GetTestClientWithToken("none").GetAsync("/connections/logos/" + file);
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<path fill=\"{brandColour}\" d=\"M", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<text", svg, StringComparison.Ordinal);
    }

    private async Task<(string State, string BindingCookie)> StartAsync(string user)
    {
        using var start = await _host.Browser(user).GetAsync("/connections/oauth/start?connection=sheets");
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        var cookie = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (Uri.EscapeDataString(state), cookie);
    }
}
