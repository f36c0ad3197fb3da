using System.Text;
using static Portal.Sandbox.Pages.SandboxPage;

namespace Portal.Sandbox.Pages;

/// <summary>What a person sees when opening the sandbox URL directly: what it is and what it offers.</summary>
internal static class HomePage
{
    public static IResult Render()
    {
        var body = new StringBuilder("<h1>Sandbox Cloud is running</h1>")
            .Append("<p class=\"lead\">A practice OAuth 2.0 provider with demo APIs. Apps connect to it exactly as to a real provider.</p>")
            .Append("<ul class=\"scopes\">");
        foreach (var service in SandboxCatalog.Services)
        {
            body.Append("<li>").Append(service.LogoSvg).Append("<span><strong>").Append(Encode(service.DisplayName))
                .Append("</strong> — ").Append(Encode(service.Description)).Append("<small>")
                .Append(Encode(string.Join(", ", service.ApiBasePaths))).Append("</small></span></li>");
        }

        body.Append("</ul><p class=\"muted\">Authorize: <code>").Append(SandboxCatalog.AuthorizePath)
            .Append("</code> · Token: <code>").Append(SandboxCatalog.TokenPath)
            .Append("</code> · Revoke: <code>").Append(SandboxCatalog.RevokePath)
            .Append("</code> · Discovery: <code>/.well-known/openid-configuration</code></p>");
        return Html("Welcome", body.ToString());
    }
}
