using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Tokens;

namespace Portal.Connections.Tests;

/// <summary>The refresh policy on its own: when a token is due (SEC-14), when a row is idle, and when a refresh is still needed (SEC-15).</summary>
public sealed class RefreshPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private readonly RefreshPolicy _policy = new(new ConnectionsOptions { RefreshMargin = TimeSpan.FromMinutes(5), IdleRefreshAfter = TimeSpan.FromHours(24) });

    [Theory]
    [InlineData(10, null, false)]
    [InlineData(5, null, true)]
    [InlineData(4, null, true)]
    [InlineData(-1, null, true)]
    [InlineData(10, 900, true)] // the service's own margin (15 min) wins over the default
    [InlineData(10, 60, false)]
    public void A_token_is_due_when_less_than_the_margin_is_left(int minutesLeft, int? serviceMarginSeconds, bool due)
    {
        var row = Row(expiresAt: Now.AddMinutes(minutesLeft));

        Assert.Equal(due, _policy.IsDue(row, Service(serviceMarginSeconds), Now));
    }

    [Fact]
    public void A_row_without_a_token_is_due_and_one_without_an_expiry_is_not()
    {
        Assert.True(_policy.IsDue(Row(token: null), Service(), Now));
        Assert.False(_policy.IsDue(Row(expiresAt: null), Service(), Now));
    }

    [Fact]
    public void A_row_is_idle_when_neither_used_nor_refreshed_for_a_day()
    {
        Assert.True(_policy.IsIdle(Row(lastUsed: Now.AddHours(-25), lastRefreshed: Now.AddHours(-30)), Now));
        Assert.False(_policy.IsIdle(Row(lastUsed: Now.AddHours(-1), lastRefreshed: Now.AddHours(-30)), Now));
        Assert.False(_policy.IsIdle(Row(lastUsed: Now.AddHours(-30), lastRefreshed: Now.AddHours(-1)), Now));
    }

    [Fact]
    public void After_a_401_a_refresh_is_needed_only_while_the_rejected_token_is_still_the_current_one()
    {
        var row = Row(expiresAt: Now.AddHours(1));

        Assert.True(_policy.StillNeeded(row, Service(), RefreshReason.Rejected, () => "old", "old", Now));
        Assert.False(_policy.StillNeeded(row, Service(), RefreshReason.Rejected, () => "new", "old", Now));
        Assert.True(_policy.StillNeeded(row, Service(), RefreshReason.Rejected, () => null, "old", Now));
        Assert.False(_policy.StillNeeded(row, Service(), RefreshReason.Proactive, () => "old", null, Now));
    }

    private static ServiceRuntime Service(int? marginSeconds = null) =>
        new(new ServiceDescriptor { Id = "svc", DisplayName = "Svc", RefreshMarginSeconds = marginSeconds }, false, true, "id", "secret", null, null);

    private static ConnectionAuthorizationEntity Row(DateTimeOffset? expiresAt = null, string? token = "cipher", DateTimeOffset? lastUsed = null, DateTimeOffset? lastRefreshed = null) =>
        new() { Id = Guid.NewGuid(), AccessTokenCiphertext = token, ExpiresAt = expiresAt, LastUsedAt = lastUsed, LastRefreshedAt = lastRefreshed, AuthorizedAt = Now.AddDays(-10) };
}
