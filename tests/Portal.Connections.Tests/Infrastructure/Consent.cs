using Microsoft.AspNetCore.WebUtilities;
using Portal.Connections.OAuth;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>Drives the authorization-code flow the way the browser would.</summary>
internal static class Consent
{
    public static async Task<(OAuthStartResult Start, Dictionary<string, string> Query)> StartAsync(TestEngine engine, string link, string user = TestEngine.Owner)
    {
        var start = await engine.Flow.StartAsync(link, user, TestEngine.RedirectUri);
        var query = QueryHelpers.ParseQuery(new Uri(start.AuthorizeUrl).Query).ToDictionary(k => k.Key, v => v.Value.ToString());
        return (start, query);
    }

    public static async Task<OAuthCompletion> RunAsync(TestEngine engine, string link, string user = TestEngine.Owner, string code = "code-1", string? iss = null)
    {
        var (start, query) = await StartAsync(engine, link, user);
        return await engine.Flow.CompleteAsync(new OAuthCallback(query["state"], code, iss, null, null), user, start.BrowserBinding);
    }
}
