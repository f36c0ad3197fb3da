namespace Portal.Sandbox;

/// <summary>An OAuth client registered in Sandbox Cloud; a null secret makes it a public client (PKCE only).</summary>
public sealed record SandboxClient(
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> RedirectUris,
    string DisplayName,
    bool AllowClientCredentials)
{
    // Parameterless form lets the configuration binder create clients from appsettings.
    public SandboxClient()
        : this("", null, [], "", false)
    {
    }
}
