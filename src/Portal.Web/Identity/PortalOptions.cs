namespace Portal.Web.Identity;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    public AdminSeedOptions Admin { get; set; } = new();

    /// <summary>Also seeds the demo users alice (Developer) and bob (User).</summary>
    public bool Demo { get; set; }

    /// <summary>Public base URL of the portal, used to build OAuth redirect URIs.</summary>
    public string? PublicUrl { get; set; }
}
