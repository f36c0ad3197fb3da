using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Connections.Api;
using Portal.Web.Data;
using Portal.Web.Functions.Api;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>
/// The portal on Kestrel at 127.0.0.1, reached by plain <see cref="SocketsHttpHandler"/> clients: real sockets, a real
/// client address, no redirects followed — attacks tried as a client would.
/// </summary>
public class LoopbackPortalWebFactory : PortalWebFactory
{
    private Uri? baseAddress;

    public LoopbackPortalWebFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return baseAddress!;
        }
    }

    /// <summary>Extra settings, as an admin would put them in appsettings.json.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected virtual string Environment => "Development";

    /// <summary>A browser-like client: keeps cookies (Secure ones too, as a browser behind a TLS proxy would) and shows redirects.</summary>
    public HttpClient CreateBrowser() =>
        new(new HeaderCookieJar { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = BaseAddress };

    /// <summary>A client without cookies that sends a fresh personal access token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> CreateTokenClientAsync(string email)
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var token = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(user!.Id, "identity-hardening-test");
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>A client without cookies or token that sends a function API key.</summary>
    public HttpClient CreateKeyClient(string key)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add(FunctionApiKeyDefaults.HeaderName, key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        baseAddress = LoopbackAddress.Of(host.Services);
        return host;
    }
}
