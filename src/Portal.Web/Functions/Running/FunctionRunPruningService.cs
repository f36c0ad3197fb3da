namespace Portal.Web.Functions.Running;

/// <summary>Keeps run history to 30 days even when nobody runs anything.</summary>
internal sealed class FunctionRunPruningService(FunctionRunPruner pruner, TimeProvider time, ILogger<FunctionRunPruningService> logger, Portal.Connections.BackgroundPassGuard? guard = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                // With several instances on one database, one of them does each pass.
                await (guard ?? new Portal.Connections.BackgroundPassGuard()).TryRunAsync("run-history-cleanup", async ct =>
                {
                    var removed = await pruner.PruneAsync(ct);
                    if (removed > 0 && logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Removed {Count} function runs older than {Days} days", removed, FunctionRunRetention.Days);
                    }
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning old function runs failed; will retry in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
