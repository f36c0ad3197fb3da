using System.Diagnostics;
using System.Net;
using Portal.Web.Identity;
using Xunit.Abstractions;

namespace Portal.Web.Tests.Security.Identity;

public sealed class UserEnumerationTests(LoopbackPortalWebFactory factory, ITestOutputHelper output) : IClassFixture<LoopbackPortalWebFactory>
{
    private const int Samples = 12;

    // SEC-38 (F7): an unknown email used to answer in ~3 ms and a wrong password in ~66 ms, which told an attacker who has an account.
    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_take_the_same_time()
    {
        var accounts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            accounts.Add((await PortalAccounts.CreateAsync(factory, Roles.User)).Email);
        }

        using var client = factory.CreateBrowser();
        await TimeLoginAsync(client, (await PortalAccounts.CreateAsync(factory, Roles.User)).Email);
        await TimeLoginAsync(client, $"warm-up-{Guid.NewGuid():N}@test.local");
        var known = new List<double>();
        var unknown = new List<double>();

        // Interleaved, so load on the machine affects both the same; at most 4 failures per account (the fifth would lock it).
        for (var i = 0; i < Samples; i++)
        {
            known.Add(await TimeLoginAsync(client, accounts[i % accounts.Count]));
            unknown.Add(await TimeLoginAsync(client, $"nobody-{Guid.NewGuid():N}@test.local"));
        }

        var ratio = Median(unknown) / Median(known);
        output.WriteLine($"median wrong password {Median(known):F1} ms, median unknown email {Median(unknown):F1} ms, ratio {ratio:F2}");
        Assert.InRange(ratio, 0.6, 1.67);
    }

    // SEC-38 (F7): only real accounts used to reach the lockout page, so five tries told whether an email exists.
    [Fact]
    public async Task The_fifth_failure_looks_the_same_for_an_unknown_email_as_for_a_real_account()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@test.local";

        var forAccount = await OutcomesAsync(email);
        var forNobody = await OutcomesAsync(unknownEmail);

        Assert.Equal(forAccount, forNobody);
        Assert.Equal(["form", "form", "form", "form", "/Account/Lockout", "/Account/Lockout"], forNobody);
    }

    private async Task<string[]> OutcomesAsync(string email)
    {
        using var client = factory.CreateBrowser();
        var outcomes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await LoginForm.PostAsync(client, email, "wrong-password-" + i);
            outcomes.Add(response.StatusCode == HttpStatusCode.OK
                ? (await response.Content.ReadAsStringAsync()).Contains("do not match an active account", StringComparison.Ordinal) ? "form" : "other page"
                : new Uri(new Uri("http://portal/"), response.Headers.Location!).AbsolutePath);
        }

        return [.. outcomes];
    }

    private static async Task<double> TimeLoginAsync(HttpClient client, string email)
    {
        var stopwatch = new Stopwatch();
        using var response = await LoginForm.PostAsync(client, email, "not-the-password", posted: stopwatch.Start);
        stopwatch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
