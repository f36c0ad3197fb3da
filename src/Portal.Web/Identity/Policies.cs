namespace Portal.Web.Identity;

/// <summary>Every page and endpoint names one of these (SEC-30).</summary>
public static class Policies
{
    public const string Admin = "portal.admin";
    public const string Developer = "portal.developer";
    public const string Member = "portal.member";
}
