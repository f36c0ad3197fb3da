using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.OAuth;
using Portal.Sandbox;
using Portal.Web.Sandbox;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>Authorizes a connection for a portal user by clicking through the real Sandbox's login and consent pages over HTTP.</summary>
internal static partial class SandboxConsent
{
    public static async Task AuthorizeAsync(SandboxPortalWebFactory factory, string linkName, string userId, string sandboxEmail)
    {
        var flows = factory.Services.GetRequiredService<OAuthFlowService>();
        var redirectUri = factory.Services.GetRequiredService<SandboxPortalClient>().RedirectUris[0];
        var start = await flows.StartAsync(linkName, userId, redirectUri);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

        var response = await browser.GetAsync(start.AuthorizeUrl);
        var hops = 0;
        while (response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.ToString().StartsWith(redirectUri, StringComparison.Ordinal) && hops++ < 10)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
            response = await browser.GetAsync(next);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // The login page asks for the account; the consent page for the decision.
                var extra = html.Contains("name=\"password\"", StringComparison.Ordinal)
                    ? new[] { ("email", sandboxEmail), ("password", SandboxCatalog.DemoPassword) }
                    : new[] { ("decision", "allow") };
                response = await PostFormAsync(browser, next, html, extra);
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        var completion = await flows.CompleteAsync(
            new OAuthCallback(query["state"], query["code"], query.TryGetValue("iss", out var iss) ? iss.ToString() : null, null, null),
            userId,
            start.BrowserBinding);
        Assert.True(completion.Succeeded, completion.Message);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Uri page, string html, (string Name, string Value)[] extra)
    {
        var form = FormPattern().Match(html);
        Assert.True(form.Success, "The Sandbox page has no form: " + html);
        var fields = InputPattern().Matches(form.Groups["body"].Value)
            .ToDictionary(i => WebUtility.HtmlDecode(i.Groups["name"].Value), i => WebUtility.HtmlDecode(i.Groups["value"].Value));
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return browser.PostAsync(new Uri(page, WebUtility.HtmlDecode(form.Groups["action"].Value)), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex InputPattern();
}
