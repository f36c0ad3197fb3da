using Microsoft.Extensions.Options;
using Portal.Sandbox;

namespace Portal.Web.Sandbox;

/// <summary>Starts Sandbox Cloud on its own loopback port before the portal serves requests, and stops it with the portal.</summary>
internal sealed class SandboxHostedService(
    IOptions<SandboxOptions> options,
    SandboxPortalClient client,
    ILoggerFactory loggerFactory,
    ILogger<SandboxHostedService> logger) : IHostedService, IAsyncDisposable
{
    private SandboxInstance? instance;

    public SandboxInstance? Instance => instance;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sandboxOptions = options.Value;
        var demo = client.ToDemoClient(sandboxOptions.Clients.FirstOrDefault(c => c.ClientId == SandboxCatalog.DemoClientId));
        sandboxOptions.Clients =
        [
            .. sandboxOptions.Clients.Where(c => c.ClientId is not (SandboxPortalClient.ClientId or SandboxCatalog.DemoClientId)),
            client.ToSandboxClient(),
            demo,
        ];
        try
        {
            instance = await SandboxServer.StartAsync(sandboxOptions, loggerFactory, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Sandbox Cloud is running at {Url} (demo accounts: sam@sandbox.test, riley@sandbox.test)", instance.Url);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            // The portal stays usable without its demo provider; the admin sees why in the log.
            logger.LogError("Sandbox Cloud did not start, so the Sandbox services will not work: {Reason}", error.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
            instance = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
