using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Web.Hosting;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

/// <summary>Issue 16 item 13: an admin who missed the one-time password gets a new one by restarting with a switch.</summary>
public sealed partial class AdminPasswordResetTests
{
    [Fact]
    public async Task Restarting_with_reset_admin_password_prints_a_new_one_time_password_and_the_old_one_stops_working()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string firstPassword;
        await using (var first = new GeneratedAdminFactory { DataDirectory = directory, DeleteDataOnDispose = false })
        {
            _ = first.Services;
            firstPassword = Password().Match(Assert.Single(first.Announcer.Messages)).Groups[1].Value;
        }

        await using var restarted = new ResetAdminPasswordFactory { DataDirectory = directory };
        using var client = LoginClient.CreateClient(restarted);
        _ = restarted.Services;
        var announcement = Assert.Single(restarted.Announcer.Messages);
        var newPassword = Password().Match(announcement).Groups[1].Value;

        var oldLogin = await LoginClient.PostLoginAsync(client, "admin@portal.local", firstPassword);
        var newLogin = await LoginClient.PostLoginAsync(client, "admin@portal.local", newPassword);
        var home = await client.GetAsync("/");

        Assert.Contains("Portal admin password reset", announcement, StringComparison.Ordinal);
        Assert.NotEqual(firstPassword, newPassword);
        Assert.Equal(HttpStatusCode.OK, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newLogin.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword?forced=1", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task On_a_first_start_the_switch_prints_only_the_new_accounts_password()
    {
        await using var fresh = new ResetAdminPasswordFactory();

        _ = fresh.Services;

        Assert.Contains("Portal admin account created", Assert.Single(fresh.Announcer.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void The_reset_admin_password_switch_stands_for_its_configuration_key()
    {
        var args = PortalArguments.Normalize(["--reset-admin-password", "--demo", "--urls=http://127.0.0.1:5000"]);

        Assert.Equal(["--Portal:Admin:ResetPassword=true", "--Portal:Demo=true", "--urls=http://127.0.0.1:5000"], args);
    }

    [Fact]
    public void Announcements_wait_until_released_so_the_password_box_comes_after_the_startup_lines()
    {
        var announcer = new WritingAnnouncer();

        announcer.Announce("box");
        var beforeStart = announcer.Written.ToList();
        announcer.Release();
        announcer.Announce("later");

        Assert.Empty(beforeStart);
        Assert.Equal(["box", "later"], announcer.Written);
    }

    [Fact]
    public void Requests_are_logged_at_warning_by_default_while_startup_lines_stay_visible()
    {
        using var factory = new PortalWebFactory();

        var logs = factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(logs.CreateLogger("OpenIddict.Server.OpenIddictServerDispatcher").IsEnabled(LogLevel.Information));
        Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.False(logs.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(logs.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(logs.CreateLogger("Portal.Web.Sandbox.SandboxHostedService").IsEnabled(LogLevel.Information));
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex Password();

    private sealed class ResetAdminPasswordFactory : PortalWebFactory
    {
        protected override bool ConfigureAdmin => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:Admin:ResetPassword", "true");
        }
    }

    private sealed class WritingAnnouncer : ConsoleAnnouncer
    {
        public List<string> Written { get; } = [];

        protected override void Write(string message) => Written.Add(message);
    }
}
