using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class EchoApiTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Echo_shows_the_request_and_the_user_but_masks_every_credential()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "echo.read");
        using var api = sandbox.NewApiClient();
        using var request = SandboxTokens.Bearer(HttpMethod.Post, "/api/echo/orders/7?colour=blue&api_key=query-secret-0123456789", tokens.AccessToken!,
            JsonContent.Create(new Dictionary<string, string> { ["this goes in the body"] = "body" }));
        request.Headers.Add("X-Api-Key", "header-secret-abcdefghijklmnop");
        request.Headers.Add("this-goes-in-the-header", "value");

        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var echo = JsonDocument.Parse(text).RootElement;

        // SEC-20
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(tokens.AccessToken!, text);
        Assert.DoesNotContain("header-secret", text);
        Assert.DoesNotContain("query-secret", text);
        Assert.Equal("Bearer ••••" + tokens.AccessToken![^4..], echo.GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("/api/echo/orders/7", echo.GetProperty("path").GetString());
        Assert.Equal("blue", echo.GetProperty("query").GetProperty("colour").GetString());
        Assert.Equal("value", echo.GetProperty("headers").GetProperty("this-goes-in-the-header").GetString());
        Assert.Equal("body", echo.GetProperty("body").GetProperty("this goes in the body").GetString());
        Assert.Equal("sam@sandbox.test", echo.GetProperty("caller").GetProperty("user").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/api/echo/")]
    [InlineData("/api/echo")]
    public async Task Echo_without_a_token_answers_anonymously(string path)
    {
        using var api = sandbox.NewApiClient();

        var echo = await api.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal("GET", echo.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, echo.GetProperty("caller").ValueKind);
    }

    [Fact]
    public async Task Echo_refuses_a_token_granted_for_another_service()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "mail.read");
        using var api = sandbox.NewApiClient();

        var response = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/echo/", tokens.AccessToken!));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString());
    }
}
