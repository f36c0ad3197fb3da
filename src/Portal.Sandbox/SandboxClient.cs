namespace Portal.Sandbox;

/// <summary>
/// An OAuth client registered in Sandbox Cloud; a null secret makes it a public client (PKCE only). A client with
/// <paramref name="ShowOnHomePage"/> is a demo client whose id and secret the home page prints for people to copy.
/// </summary>
public sealed record SandboxClient(
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> RedirectUris,
    string DisplayName,
    bool AllowClientCredentials,
    bool ShowOnHomePage = false)
{
    // Parameterless form lets the configuration binder create clients from appsettings.
    public SandboxClient()
        : this("", null, [], "", false)
    {
    }
}
