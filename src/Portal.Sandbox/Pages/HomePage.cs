using System.Text;
using Portal.Sandbox.Hosting;
using static Portal.Sandbox.Pages.SandboxPage;

namespace Portal.Sandbox.Pages;

/// <summary>What a person sees when opening the sandbox URL directly: what it offers and the demo credentials to use it.</summary>
internal static class HomePage
{
    public static IResult Render(SandboxOptions options, SandboxAddress address)
    {
        var root = (address.Url?.AbsoluteUri ?? options.Url).TrimEnd('/');
        var body = new StringBuilder("<h1>Sandbox Cloud is running</h1>")
            .Append("<p class=\"lead\">A practice OAuth 2.0 provider with demo APIs. Apps connect to it exactly as to a real provider.</p>")
            .Append("<ul class=\"scopes\">");
        foreach (var service in SandboxCatalog.Services)
        {
            body.Append("<li>").Append(service.LogoSvg).Append("<span><strong>").Append(Encode(service.DisplayName))
                .Append("</strong> — ").Append(Encode(service.Description)).Append("<small>")
                .Append(Encode(string.Join(", ", service.ApiBasePaths.Select(p => root + p)))).Append("</small></span></li>");
        }

        body.Append("</ul><h2>Demo credentials</h2><dl class=\"demo\" data-testid=\"demo-credentials\">")
            .Append("<dt>Sandbox Weather API key</dt><dd>");
        foreach (var key in options.EffectiveWeatherApiKeys)
        {
            body.Append("<code data-testid=\"demo-weather-key\">").Append(Encode(key)).Append("</code> ");
        }

        body.Append("<small>Header <code>").Append(SandboxCatalog.WeatherApiKeyHeader).Append("</code></small></dd>")
            .Append("<dt>Sign-in accounts</dt><dd>");
        foreach (var account in SandboxCatalog.DemoAccounts)
        {
            body.Append("<code>").Append(Encode(account.Email)).Append("</code> ");
        }

        body.Append("<small>Password <code>").Append(Encode(SandboxCatalog.DemoPassword)).Append("</code></small></dd>");
        foreach (var client in options.Clients.Where(c => c.ShowOnHomePage))
        {
            body.Append("<dt>").Append(Encode(client.DisplayName)).Append(" (OAuth 2.0)</dt><dd>")
                .Append("Client id <code data-testid=\"demo-client-id\">").Append(Encode(client.ClientId)).Append("</code>")
                .Append(" · Client secret <code data-testid=\"demo-client-secret\">").Append(Encode(client.ClientSecret)).Append("</code>")
                .Append("<small>Grants: authorization code with PKCE").Append(client.AllowClientCredentials ? ", client credentials" : "")
                .Append(". Redirect URIs: ").Append(Encode(string.Join(", ", client.RedirectUris))).Append("</small></dd>");
        }

        body.Append("<dt>Endpoints</dt><dd><small>Authorize <code>").Append(root).Append(SandboxCatalog.AuthorizePath)
            .Append("</code><br>Token <code>").Append(root).Append(SandboxCatalog.TokenPath)
            .Append("</code><br>Revoke <code>").Append(root).Append(SandboxCatalog.RevokePath)
            .Append("</code><br>Discovery <code>").Append(root).Append("/.well-known/openid-configuration</code></small></dd></dl>");
        return Html("Welcome", body.ToString());
    }
}
