using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Connections.Egress;

/// <summary>Logs each configured egress exception once at startup (SEC-23) and fails startup when one is malformed.</summary>
internal sealed class EgressExceptionsStartupLogger(EgressAllowList allowList, ILogger<EgressExceptionsStartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var origin in allowList.Configured)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Egress exception configured: requests to exactly {Origin} skip the SSRF address check", origin);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
