namespace Portal.Web.Functions;

/// <summary>Keeps run history to 30 days even when nobody runs anything.</summary>
internal sealed class FunctionRunPruningService(FunctionRunPruner pruner, TimeProvider time, ILogger<FunctionRunPruningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var removed = await pruner.PruneAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} function runs older than {Days} days", removed, FunctionRunRetention.Days);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning old function runs failed; will retry in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
