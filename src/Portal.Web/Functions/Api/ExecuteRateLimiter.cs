using System.Globalization;
using System.Threading.RateLimiting;

namespace Portal.Web.Functions.Api;

/// <summary>Per-user fixed window on execute calls (Portal:FunctionsApi:ExecutePerMinute, default 60); over the limit is 429 with Retry-After.</summary>
internal sealed class ExecuteRateLimiter : IDisposable
{
    public const string ConfigurationKey = "Portal:FunctionsApi:ExecutePerMinute";

    public const int DefaultPerMinute = 60;

    private readonly PartitionedRateLimiter<string> limiter;

    private readonly int perMinute;

    public ExecuteRateLimiter(int perMinute)
    {
        this.perMinute = Math.Max(1, perMinute);
        limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(
            user, _ => new FixedWindowRateLimiterOptions { PermitLimit = this.perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Null when the call may proceed; otherwise the 429 answer.</summary>
    public IResult? TryAcquire(HttpContext context, string userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ExecuteResponses.Error(429, $"Too many function calls: the limit is {perMinute} per minute per user. Wait {retryAfter} seconds and call again.");
    }

    public void Dispose() => limiter.Dispose();
}
