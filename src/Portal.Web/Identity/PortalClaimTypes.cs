namespace Portal.Web.Identity;

public static class PortalClaimTypes
{
    public const string MustChangePassword = "portal:must_change_password";
    public const string DisplayName = "portal:display_name";
}
