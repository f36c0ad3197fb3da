using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Connections.Tokens;

/// <summary>Periodically refreshes authorizations unused for 24 h so providers don't expire their refresh tokens.</summary>
internal sealed class TokenRefreshBackgroundService(
    TokenRefresher refresher, TimeProvider time, IOptions<ConnectionsOptions> options, ILogger<TokenRefreshBackgroundService> logger, BackgroundPassGuard? guard = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EnableBackgroundRefresh)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.BackgroundRefreshInterval, time);
        do
        {
            try
            {
                // With several instances on one database, one of them does each pass.
                await (guard ?? new BackgroundPassGuard()).TryRunAsync("token-refresh", async ct =>
                {
                    var count = await refresher.RefreshIdleAuthorizationsAsync(ct);
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Background refresh renewed {Count} idle authorization(s)", count);
                    }

                }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Background token refresh failed; it runs again in {Interval}", options.Value.BackgroundRefreshInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
