using System.Text;
using System.Text.Encodings.Web;

namespace Portal.Sandbox.Pages;

/// <summary>The Sandbox Cloud page shell: its own brand, colours and logo, so users see they left the portal.</summary>
internal static class SandboxPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Html(string title, string cardBody, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(Encode(title)).Append(" · Sandbox Cloud</title>")
            .Append("<link rel=\"icon\" href=\"").Append(BrandIconDataUri).Append("\">")
            .Append("<style>").Append(SandboxStyles.Css).Append("</style></head><body>")
            .Append("<header class=\"topbar\"><span class=\"brand\">").Append(SandboxLogos.Brand)
            .Append("<span class=\"brand-name\">Sandbox <strong>Cloud</strong></span></span>")
            .Append("<span class=\"tag\">Demo identity provider</span></header>")
            .Append("<main><section class=\"card\">").Append(cardBody).Append("</section>")
            .Append("<p class=\"footnote\">Sandbox Cloud is a practice provider that runs on this machine. ")
            .Append("No real account or data leaves your computer.</p></main></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static IResult Message(string title, string message, string nextStep, int statusCode) =>
        Html(
            title,
            $"""<h1>{Encode(title)}</h1><p class="lead">{Encode(message)}</p><p>{Encode(nextStep)}</p>""",
            statusCode);

    private static readonly string BrandIconDataUri =
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(SandboxLogos.Brand));
}
