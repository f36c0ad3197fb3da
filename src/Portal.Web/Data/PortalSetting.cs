namespace Portal.Web.Data;

/// <summary>A small named value the portal keeps for itself (e.g. the Data Protection canary).</summary>
public sealed class PortalSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
