using System.Globalization;
using System.Threading.RateLimiting;

namespace Portal.Web.Functions.Api;

/// <summary>
/// Fixed window on execute calls per partition (a user, or an API key); over the limit is 429 with Retry-After.
/// Per user: Portal:FunctionsApi:ExecutePerMinute; per key: Portal:FunctionsApi:ExecutePerMinutePerKey (both default 60).
/// </summary>
internal sealed class ExecuteRateLimiter : IDisposable
{
    public const string ConfigurationKey = "Portal:FunctionsApi:ExecutePerMinute";

    public const string PerKeyConfigurationKey = "Portal:FunctionsApi:ExecutePerMinutePerKey";

    public const int DefaultPerMinute = 60;

    private readonly PartitionedRateLimiter<string> limiter;

    private readonly int perMinute;

    private readonly string scope;

    public ExecuteRateLimiter(int perMinute, string scope = "user")
    {
        this.perMinute = Math.Max(1, perMinute);
        this.scope = scope;
        limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(
            partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = this.perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Null when the call may proceed; otherwise the 429 answer.</summary>
    public IResult? TryAcquire(HttpContext context, string partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ExecuteResponses.Error(429, $"Too many function calls: the limit is {perMinute} per minute per {scope}. Wait {retryAfter} seconds and call again.");
    }

    public void Dispose() => limiter.Dispose();
}
