using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>The portal with Sandbox Cloud, plus a raw echo API on 127.0.0.1 that scripts may call (issue 15, F3).</summary>
public sealed class CredentialEchoFixture : IAsyncLifetime
{
    public RawEchoServer Echo { get; private set; } = null!;

    public SandboxPortalWebFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Echo = await RawEchoServer.StartAsync();
        Factory = new SandboxPortalWebFactory { ExtraAllowedOrigins = [Echo.Url] };
        _ = Factory.Services;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Echo.DisposeAsync();
    }
}
