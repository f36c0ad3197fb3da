namespace Portal.Web.Hosting;

internal static class PortalArguments
{
    public const string ResetAdminPassword = "--reset-admin-password";

    /// <summary>Turns the bare <c>--demo</c> and <c>--reset-admin-password</c> switches into the configuration keys they stand for.</summary>
    public static string[] Normalize(string[] args) =>
        args.Select(a => a.ToLowerInvariant() switch
        {
            "--demo" => "--Portal:Demo=true",
            ResetAdminPassword => "--Portal:Admin:ResetPassword=true",
            _ => a,
        }).ToArray();
}
