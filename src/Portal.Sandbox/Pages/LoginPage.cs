using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using static Portal.Sandbox.Pages.SandboxPage;

namespace Portal.Sandbox.Pages;

/// <summary>The "Sign in to Sandbox Cloud" page; lists the demo accounts because this provider is for practice.</summary>
internal static class LoginPage
{
    public const string Path = "/account/login";

    public static IResult Render(AntiforgeryTokenSet antiforgery, string returnUrl, string? clientName, string? email, string? error)
    {
        var body = new StringBuilder();
        body.Append("<h1>Sign in to Sandbox Cloud</h1>");
        body.Append("<p class=\"lead\">")
            .Append(clientName is null ? "Use your Sandbox Cloud account." : $"to continue to <strong class=\"client\">{Encode(clientName)}</strong>")
            .Append("</p>");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" action=\"").Append(Path).Append("\">")
            .Append(Hidden(antiforgery.FormFieldName, antiforgery.RequestToken))
            .Append(Hidden("returnUrl", returnUrl))
            .Append("<label for=\"email\">Email</label>")
            .Append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required")
            .Append(string.IsNullOrEmpty(email) ? " autofocus" : "").Append(" value=\"").Append(Encode(email)).Append("\">")
            .Append("<label for=\"password\">Password</label>")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
            .Append(string.IsNullOrEmpty(email) ? "" : " autofocus").Append('>')
            .Append("<button class=\"btn btn-primary full\" type=\"submit\">Sign in</button></form>");
        body.Append("<div class=\"hint\"><strong>Demo accounts</strong> (password <code>")
            .Append(Encode(SandboxCatalog.DemoPassword)).Append("</code>)<ul>");
        foreach (var account in SandboxCatalog.DemoAccounts)
        {
            body.Append("<li><code>").Append(Encode(account.Email)).Append("</code> — ").Append(Encode(account.DisplayName)).Append("</li>");
        }

        body.Append("</ul></div>");
        return Html("Sign in", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    internal static string Hidden(string? name, string? value) =>
        $"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">";
}
