using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>Where the sandbox finally redirected the browser, with the pages seen on the way.</summary>
public sealed record AuthorizationOutcome(Uri Location, Pkce Pkce, string State, string? LoginHtml, string ConsentHtml)
{
    public IReadOnlyDictionary<string, string> Query { get; } =
        QueryHelpers.ParseQuery(Location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public string? Code => Query.GetValueOrDefault("code");

    public string? Error => Query.GetValueOrDefault("error");
}
