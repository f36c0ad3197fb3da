namespace Portal.Web.Tests.Security.Identity;

/// <summary>A Production build of the portal on Kestrel at 127.0.0.1 over plain http, as the attacks were run.</summary>
public sealed class ProductionLoopbackPortalWebFactory : LoopbackPortalWebFactory
{
    protected override string Environment => "Production";
}
