namespace Portal.Web.ConnectionsUi;

/// <summary>Secrets typed into the wizard for API-key and Basic services; never rendered back.</summary>
public sealed class CredentialInput
{
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.Ordinal);

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}
