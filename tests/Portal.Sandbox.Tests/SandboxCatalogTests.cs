using System.Net;
using System.Text;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class SandboxCatalogTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void Link_names_are_unique_and_the_ones_the_portal_expects()
    {
        var names = SandboxCatalog.Services.Select(service => service.LinkName).ToList();

        Assert.Equal(["sandbox_sheets", "sandbox_mail", "sandbox_weather", "sandbox_echo", "sandbox_crm"], names);
    }

    [Fact]
    public void Every_service_has_an_svg_logo_as_markup_and_as_a_data_uri()
    {
        foreach (var service in SandboxCatalog.Services)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(service.LogoDataUri["data:image/svg+xml;base64,".Length..]));

            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", service.LogoSvg);
            Assert.Equal(service.LogoSvg, decoded);
        }
    }

    [Fact]
    public void OAuth_services_carry_endpoints_and_scopes_and_weather_carries_its_key_header()
    {
        var weather = SandboxCatalog.Find("sandbox_weather")!;

        Assert.All(SandboxCatalog.Services.Where(s => s.AuthType == SandboxCatalog.OAuth2), service =>
        {
            Assert.Equal("/connect/authorize", service.AuthorizePath);
            Assert.Equal("/connect/token", service.TokenPath);
            Assert.Equal("/connect/revoke", service.RevokePath);
            Assert.NotEmpty(service.Scopes);
            Assert.All(service.Scopes, scope => Assert.False(string.IsNullOrWhiteSpace(scope.Description)));
        });
        Assert.Equal(SandboxCatalog.ApiKey, weather.AuthType);
        Assert.Equal("X-Weather-Key", weather.ApiKeyParameterName);
        Assert.Equal("header", weather.ApiKeyPlacement);
        Assert.Contains(SandboxCatalog.Services, s => s.LinkName == "sandbox_echo" && s.Scopes.Any(scope => scope.Name == "echo.read"));
    }

    [Fact]
    public void Sandbox_crm_is_registered_like_zoho_crm_with_its_own_token_header_format()
    {
        var crm = SandboxCatalog.Find("sandbox_crm")!;

        Assert.Equal("Sandbox CRM", crm.DisplayName);
        Assert.Equal("CRM", crm.Category);
        Assert.Equal(["ZohoCRM.modules.ALL", "ZohoCRM.modules.READ"], crm.Scopes.Select(s => s.Name));
        Assert.Equal(["/crm/v8/"], crm.ApiBasePaths);
        Assert.Equal("/crm/v8/Leads", crm.SamplePath);
        Assert.Equal("Zoho-oauthtoken {token}", crm.TokenHeaderFormat);
        Assert.All(SandboxCatalog.Services.Where(s => s.LinkName != "sandbox_crm"), s => Assert.Equal("Bearer {token}", s.TokenHeaderFormat));
    }

    [Fact]
    public async Task Discovery_advertises_exactly_the_catalog_scopes_and_S256_only()
    {
        using var api = sandbox.NewApiClient();

        var discovery = JsonDocument.Parse(await api.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        var advertised = discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).Where(s => s != "openid");
        Assert.Equal(SandboxCatalog.AllScopes.Select(s => s.Name).Order(), advertised.Order());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Each_service_sample_request_succeeds_with_the_services_own_credentials()
    {
        using var api = sandbox.NewApiClient();

        foreach (var service in SandboxCatalog.Services)
        {
            using var request = new HttpRequestMessage(new HttpMethod(service.SampleMethod), service.SamplePath);
            if (service.AuthType == SandboxCatalog.OAuth2)
            {
                var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", string.Join(' ', service.Scopes.Select(s => s.Name)));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            }
            else
            {
                request.Headers.Add(service.ApiKeyParameterName!, SandboxFixture.WeatherKey);
            }

            var response = await api.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service.LinkName}: {response.StatusCode}");
            Assert.All(service.ApiBasePaths, basePath => Assert.EndsWith("/", basePath));
            Assert.StartsWith(service.ApiBasePaths[0], service.SamplePath);
        }
    }
}
