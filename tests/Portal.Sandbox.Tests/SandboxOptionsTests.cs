using Microsoft.Extensions.Configuration;

namespace Portal.Sandbox.Tests;

public sealed class SandboxOptionsTests
{
    [Fact]
    public void Options_bind_from_the_Sandbox_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Url"] = "http://127.0.0.1:5200",
            ["Sandbox:AccessTokenLifetime"] = "00:00:10",
            ["Sandbox:Clients:0:ClientId"] = "portal",
            ["Sandbox:Clients:0:ClientSecret"] = "s3cret",
            ["Sandbox:Clients:0:RedirectUris:0"] = "http://127.0.0.1:5000/connections/callback",
            ["Sandbox:Clients:0:DisplayName"] = "Portal",
            ["Sandbox:Clients:0:AllowClientCredentials"] = "true",
            ["Sandbox:WeatherApiKeys:0"] = "k1",
        }).Build();

        var options = configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>()!;

        Assert.Equal("http://127.0.0.1:5200", options.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AccessTokenLifetime);
        var client = Assert.Single(options.Clients);
        Assert.Equal(new SandboxClient("portal", "s3cret", client.RedirectUris, "Portal", true), client);
        Assert.Equal(["http://127.0.0.1:5000/connections/callback"], client.RedirectUris);
        Assert.Equal(["k1"], options.EffectiveWeatherApiKeys);
    }

    [Fact]
    public void Defaults_are_a_one_hour_token_on_port_5100()
    {
        var options = new SandboxOptions();

        Assert.Equal("http://127.0.0.1:5100", options.Url);
        Assert.Equal(TimeSpan.FromHours(1), options.AccessTokenLifetime);
        Assert.Equal([SandboxCatalog.DefaultWeatherApiKey], options.EffectiveWeatherApiKeys);
    }

    [Fact]
    public async Task Starting_on_a_non_loopback_address_is_refused_with_a_message_that_says_what_to_change()
    {
        var options = new SandboxOptions { Url = "http://0.0.0.0:5100", DataDirectory = Path.GetTempPath() };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(options));

        Assert.Contains("Sandbox:Url must be an http loopback address", error.Message);
    }
}
