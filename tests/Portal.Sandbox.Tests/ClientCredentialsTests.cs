using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class ClientCredentialsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Client_credentials_token_calls_echo_as_the_client_without_a_user()
    {
        using var api = sandbox.NewApiClient();

        var tokens = await api.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = SandboxFixture.ClientSecret,
            Scope = "echo.read",
        });
        var echo = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/echo/ping", tokens.AccessToken!));
        var caller = (await echo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caller");

        Assert.False(tokens.IsError, tokens.ErrorDescription);
        Assert.Null(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.Equal(SandboxFixture.ClientId, caller.GetProperty("clientId").GetString());
        Assert.Equal(JsonValueKind.Null, caller.GetProperty("user").ValueKind);
        Assert.Equal("echo.read", caller.GetProperty("scopes")[0].GetString());
    }

    [Fact]
    public async Task A_client_token_cannot_read_user_data()
    {
        using var api = sandbox.NewApiClient();
        var tokens = await api.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = SandboxFixture.ClientSecret,
            Scope = "sheets.read",
        });

        var response = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", tokens.AccessToken!));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("authorization code flow", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_is_rejected()
    {
        using var api = sandbox.NewApiClient();

        var tokens = await api.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = "wrong-secret",
            Scope = "echo.read",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, tokens.HttpStatusCode);
        Assert.Contains("invalid_client", tokens.Raw);
    }

    [Fact]
    public async Task A_public_client_cannot_use_client_credentials()
    {
        using var api = sandbox.NewApiClient();

        var tokens = await api.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.PublicClientId,
            Scope = "echo.read",
        });

        Assert.True(tokens.IsError);
    }
}
