namespace Portal.Web.Tests.Infrastructure;

/// <summary>A portal started with no admin configuration, as on a newcomer's machine.</summary>
public sealed class GeneratedAdminFactory : PortalWebFactory
{
    protected override bool ConfigureAdmin => false;
}
