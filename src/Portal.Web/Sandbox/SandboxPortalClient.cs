using System.Security.Cryptography;
using Portal.Sandbox;

namespace Portal.Web.Sandbox;

/// <summary>
/// The portal's OAuth client registration at Sandbox Cloud. The secret is new on every start and re-registered at the
/// sandbox then, so it is never stored anywhere.
/// </summary>
public sealed class SandboxPortalClient
{
    public const string ClientId = "portal";

    public SandboxPortalClient(IEnumerable<string> portalOrigins)
    {
        RedirectUris = portalOrigins
            .SelectMany(LoopbackVariants)
            .Select(origin => origin.TrimEnd('/') + "/connections/oauth/callback")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyList<string> RedirectUris { get; }

    public SandboxClient ToSandboxClient() =>
        new(ClientId, ClientSecret, RedirectUris, "Portal", AllowClientCredentials: true);

    /// <summary>The documented demo client, valid for the portal's redirect URIs, so a custom OAuth service works offline (issue 16).</summary>
    public SandboxClient ToDemoClient(SandboxClient? configured) =>
        new(SandboxCatalog.DemoClientId, configured?.ClientSecret ?? SandboxCatalog.DemoClientSecret,
            [.. RedirectUris.Concat(configured?.RedirectUris ?? []).Distinct(StringComparer.Ordinal)],
            configured?.DisplayName is { Length: > 0 } name ? name : "Sandbox Demo Client", AllowClientCredentials: true, ShowOnHomePage: true);

    // A person may open the portal as localhost or 127.0.0.1; both must be valid redirect URIs.
    private static IEnumerable<string> LoopbackVariants(string origin)
    {
        yield return origin;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            yield break;
        }

        foreach (var host in new[] { "localhost", "127.0.0.1" })
        {
            yield return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
        }
    }
}
