using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class WeatherApiTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_right_key_gets_a_deterministic_forecast_for_the_city()
    {
        using var api = sandbox.NewApiClient();
        api.DefaultRequestHeaders.Add(SandboxCatalog.WeatherApiKeyHeader, SandboxFixture.WeatherKey);

        var first = await api.GetFromJsonAsync<JsonElement>("/api/weather/v1/forecast?city=Lisbon&days=5");
        var second = await api.GetFromJsonAsync<JsonElement>("/api/weather/v1/forecast?city=Lisbon&days=5");
        var other = await api.GetFromJsonAsync<JsonElement>("/api/weather/v1/forecast?city=Oslo&days=5");

        Assert.Equal("Lisbon", first.GetProperty("city").GetString());
        Assert.Equal(5, first.GetProperty("forecast").GetArrayLength());
        Assert.Equal(first.GetProperty("forecast").GetRawText(), second.GetProperty("forecast").GetRawText());
        Assert.NotEqual(first.GetProperty("forecast").GetRawText(), other.GetProperty("forecast").GetRawText());
        var day = first.GetProperty("forecast")[0];
        Assert.True(day.GetProperty("lowC").GetInt32() < day.GetProperty("highC").GetInt32());
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task A_wrong_or_missing_key_gets_401_naming_the_header(string key)
    {
        using var api = sandbox.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/weather/v1/forecast?city=Lisbon");
        if (key.Length > 0)
        {
            request.Headers.Add(SandboxCatalog.WeatherApiKeyHeader, key);
        }

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(SandboxCatalog.WeatherApiKeyHeader, await response.Content.ReadAsStringAsync());
        Assert.Contains(SandboxCatalog.WeatherApiKeyHeader, response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_missing_city_gets_400_that_says_how_to_ask()
    {
        using var api = sandbox.NewApiClient();
        api.DefaultRequestHeaders.Add(SandboxCatalog.WeatherApiKeyHeader, SandboxFixture.WeatherKey);

        var response = await api.GetAsync("/api/weather/v1/forecast");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("?city=", await response.Content.ReadAsStringAsync());
    }
}
