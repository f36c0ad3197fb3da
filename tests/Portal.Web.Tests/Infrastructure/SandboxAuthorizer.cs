using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.OAuth;
using Portal.Sandbox;
using Portal.Web.Sandbox;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>Authorizes a portal connection for a portal user by clicking through the real Sandbox login and consent pages over HTTP.</summary>
internal static partial class SandboxAuthorizer
{
    public static async Task AuthorizeAsync(SandboxPortalWebFactory factory, string linkName, string portalUserId, string sandboxEmail)
    {
        var (start, query) = await ConsentAsync(factory, linkName, portalUserId, sandboxEmail);
        var completion = await factory.Services.GetRequiredService<IConnectionAuthorizer>().CompleteAsync(
            new OAuthCallback(query["state"], query["code"], query.TryGetValue("iss", out var iss) ? iss.ToString() : null, null, null), portalUserId, start.BrowserBinding);
        Assert.True(completion.Succeeded, completion.Message);
    }

    /// <summary>Starts the flow and allows it at the Sandbox; returns the start and the parameters Sandbox sends back to the callback.</summary>
    public static async Task<(OAuthStartResult Start, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Callback)> ConsentAsync(
        SandboxPortalWebFactory factory, string linkName, string portalUserId, string sandboxEmail)
    {
        var flow = factory.Services.GetRequiredService<IConnectionAuthorizer>();
        var redirectUri = factory.Services.GetRequiredService<SandboxPortalClient>().RedirectUris[0];
        var start = await flow.StartAsync(linkName, portalUserId, redirectUri);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.SandboxUrl) };

        var response = await browser.GetAsync(start.AuthorizeUrl);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))
        {
            var login = await browser.GetStringAsync(response.Headers.Location);
            var signedIn = await PostFormAsync(browser, login, ("email", sandboxEmail), ("password", SandboxCatalog.DemoPassword));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            response = await browser.GetAsync(signedIn.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await PostFormAsync(browser, await response.Content.ReadAsStringAsync(), ("decision", "allow"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        return (start, QueryHelpers.ParseQuery(decided.Headers.Location!.Query));
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string html, params (string Name, string Value)[] values)
    {
        var form = FormPattern().Match(html);
        Assert.True(form.Success, "The sandbox page has no form: " + html);
        var fields = InputPattern().Matches(form.Groups["body"].Value)
            .ToDictionary(i => WebUtility.HtmlDecode(i.Groups["name"].Value), i => WebUtility.HtmlDecode(i.Groups["value"].Value));
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return browser.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex InputPattern();
}
