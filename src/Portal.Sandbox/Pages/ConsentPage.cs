using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Portal.Sandbox.Data;
using static Portal.Sandbox.Pages.SandboxPage;

namespace Portal.Sandbox.Pages;

/// <summary>The consent screen: who is asking, which scopes in plain words, and big Allow / Deny buttons.</summary>
internal static class ConsentPage
{
    public const string DecisionField = "decision";
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static IResult Render(
        AntiforgeryTokenSet antiforgery,
        IEnumerable<KeyValuePair<string, string?>> requestParameters,
        SandboxUser user,
        string clientName,
        Uri redirectUri,
        IReadOnlyList<SandboxScopeDescriptor> scopes,
        string switchAccountUrl)
    {
        var body = new StringBuilder();
        body.Append("<h1><span class=\"client\">").Append(Encode(clientName)).Append("</span> wants to access your Sandbox Cloud account</h1>");
        body.Append("<div class=\"who\"><span class=\"avatar\">").Append(Encode(user.DisplayName[..1])).Append("</span><span><strong>")
            .Append(Encode(user.DisplayName)).Append("</strong><br><span class=\"muted\">").Append(Encode(user.Email))
            .Append("</span></span><a href=\"").Append(Encode(switchAccountUrl)).Append("\">Not you? Use another account</a></div>");
        body.Append("<p class=\"lead\">This will allow <strong>").Append(Encode(clientName)).Append("</strong> to:</p><ul class=\"scopes\">");
        foreach (var scope in scopes)
        {
            body.Append("<li>").Append(IconFor(scope.Name)).Append("<span>").Append(Encode(scope.Description))
                .Append("<small>").Append(Encode(scope.Name)).Append("</small></span></li>");
        }

        body.Append("</ul><p class=\"muted\">Make sure you trust ").Append(Encode(clientName))
            .Append(". After you choose, you will be sent back to <strong>").Append(Encode(redirectUri.GetLeftPart(UriPartial.Authority)))
            .Append("</strong>. You can take this access back at any time by disconnecting there.</p>");
        body.Append("<form method=\"post\" action=\"").Append(SandboxEndpointPaths.Authorize).Append("\">")
            .Append(LoginPage.Hidden(antiforgery.FormFieldName, antiforgery.RequestToken));
        foreach (var (name, value) in requestParameters)
        {
            body.Append(LoginPage.Hidden(name, value));
        }

        body.Append("<div class=\"actions\">")
            .Append($"<button class=\"btn btn-secondary\" type=\"submit\" name=\"{DecisionField}\" value=\"{Deny}\">Deny</button>")
            .Append($"<button class=\"btn btn-primary\" type=\"submit\" name=\"{DecisionField}\" value=\"{Allow}\">Allow</button>")
            .Append("</div></form>");
        return Html("Allow access?", body.ToString());
    }

    private static string IconFor(string scope) => scope.Split('.')[0] switch
    {
        "sheets" => SandboxLogos.Sheets,
        "mail" => SandboxLogos.Mail,
        "echo" => SandboxLogos.Echo,
        _ => SandboxLogos.Brand,
    };
}
