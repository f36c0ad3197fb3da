namespace Portal.Sandbox.Pages;

internal static class SandboxEndpointPaths
{
    public const string Authorize = SandboxCatalog.AuthorizePath;
    public const string Logout = "/account/logout";
}
