namespace Portal.Web.Hosting;

internal static class PortalArguments
{
    /// <summary>Turns the bare <c>--demo</c> switch into the configuration key it stands for.</summary>
    public static string[] Normalize(string[] args) =>
        args.Select(a => string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase) ? "--Portal:Demo=true" : a).ToArray();
}
