using System.Globalization;
using System.Threading.RateLimiting;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Api;

/// <summary>
/// Fixed window on execute calls per partition (a user, or an API key); over the limit is 429 with Retry-After.
/// Per user: Portal:FunctionsApi:ExecutePerMinute; per key: Portal:FunctionsApi:ExecutePerMinutePerKey (both default 60).
/// On PostgreSQL the calls are counted in the database (a sliding minute, <see cref="SharedRunLimits"/>), so the limit
/// holds across every instance.
/// </summary>
internal sealed class ExecuteRateLimiter : IDisposable
{
    public const string ConfigurationKey = "Portal:FunctionsApi:ExecutePerMinute";

    public const string PerKeyConfigurationKey = "Portal:FunctionsApi:ExecutePerMinutePerKey";

    public const int DefaultPerMinute = 60;

    private readonly PartitionedRateLimiter<string> limiter;

    private readonly int perMinute;

    private readonly string scope;

    private readonly SharedRunLimits? shared;

    public ExecuteRateLimiter(int perMinute, string scope = "user", SharedRunLimits? shared = null)
    {
        this.shared = shared;
        this.perMinute = Math.Max(1, perMinute);
        this.scope = scope;
        limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(
            partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = this.perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Null when the call may proceed; otherwise the 429 answer.</summary>
    public async ValueTask<IResult?> TryAcquireAsync(HttpContext context, string partition)
    {
        TimeSpan? wait;
        if (shared is not null)
        {
            wait = await shared.TryCountAsync($"execute-{scope}:{partition}", perMinute, TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow, context.RequestAborted);
        }
        else
        {
            using var lease = limiter.AttemptAcquire(partition);
            wait = lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var local) ? local : TimeSpan.FromMinutes(1);
        }

        if (wait is not { } retry)
        {
            return null;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ExecuteResponses.Error(429, $"Too many function calls: the limit is {perMinute} per minute per {scope}. Wait {retryAfter} seconds and call again.");
    }

    public void Dispose() => limiter.Dispose();
}
