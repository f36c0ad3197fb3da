using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Connections.Ui;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Web.Tests.Connections;

/// <summary><see cref="ConnectionsUi"/> over the real engine and database.</summary>
public sealed class ConnectionsUiTests(SandboxPortalWebFactory factory, ITestOutputHelper output) : IClassFixture<SandboxPortalWebFactory>
{
    [Fact]
    public async Task Rows_carry_owner_names_and_requested_scopes_and_the_link_name_check_sees_new_connections()
    {
        using var scope = factory.Services.CreateScope();
        var ui = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var alice = await UserAsync(scope, "alice@portal.local", developer: true);
        var free = await ui.IsLinkNameTakenAsync("ui_rows_sheets");

        var created = await ui.CreateAsync(new CreateConnectionRequest
        {
            Name = "UI Rows Sheets", ServiceId = "sandbox_sheets", Scopes = ["sheets.read", "sheets.write"], Mode = ConnectionMode.LoginUserCredentials,
        }, alice);
        var row = (await ui.ListAsync(alice, ConnectionListScope.My)).Single(r => r.LinkName == "ui_rows_sheets");

        Assert.False(free);
        Assert.True(created.Succeeded);
        Assert.True(await ui.IsLinkNameTakenAsync("ui_rows_sheets"));
        Assert.Equal("Alice Developer", row.OwnerName);
        Assert.Equal(["sheets.read", "sheets.write"], row.Scopes);
        Assert.Equal(AuthorizationStatus.NotConnected, row.Status);
    }

    [Fact]
    public async Task A_user_who_is_not_the_owner_gets_only_their_own_authorization_and_may_authorize_a_shared_connection()
    {
        using var scope = factory.Services.CreateScope();
        var ui = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var alice = await UserAsync(scope, "alice@portal.local", developer: true);
        var bob = await UserAsync(scope, "bob@portal.local", developer: false);
        await ui.CreateAsync(new CreateConnectionRequest { Name = "UI Shared Echo", ServiceId = "sandbox_sheets", Mode = ConnectionMode.LoginUserCredentials }, alice);

        var view = await ui.GetAsync("ui_shared_echo", bob);

        Assert.NotNull(view);
        Assert.False(view.CanManage);
        Assert.True(view.CanAuthorize);
        Assert.Empty(view.Authorizations);
        Assert.Contains("connection: \"ui_shared_echo\"", view.Snippet, StringComparison.Ordinal);
        Assert.Equal("/connections/oauth/start?connection=ui_shared_echo", view.AuthorizePath);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_on_connect_with_the_providers_401_and_the_right_one_connects()
    {
        using var scope = factory.Services.CreateScope();
        var ui = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var alice = await UserAsync(scope, "alice@portal.local", developer: true);
        await ui.CreateAsync(new CreateConnectionRequest { Name = "UI Weather", ServiceId = "sandbox_weather" }, alice);
        var input = new CredentialInput();
        input.ApiKeys["X-Weather-Key"] = "wrong-key";
        var wrong = await ui.AuthorizeDirectAsync("ui_weather", alice, input);
        var afterWrong = (await ui.GetAsync("ui_weather", alice))!.Summary.Status;

        input.ApiKeys["X-Weather-Key"] = "sandbox-weather-demo-key";
        var right = await ui.AuthorizeDirectAsync("ui_weather", alice, input);
        var test = await ui.SendTestRequestAsync("ui_weather", alice);

        Assert.False(wrong.Succeeded);
        Assert.StartsWith("The provider rejected this key (401)", wrong.Error, StringComparison.Ordinal);
        Assert.NotEqual(AuthorizationStatus.Connected, afterWrong);
        Assert.True(right.Succeeded, right.Error);
        Assert.True(test.Succeeded, test.Message);
        Assert.Equal(AuthorizationStatus.Connected, (await ui.GetAsync("ui_weather", alice))!.Summary.Status);
    }

    [Fact]
    public async Task Listing_five_thousand_connections_stays_fast()
    {
        using var scope = factory.Services.CreateScope();
        var ui = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var admin = await UserAsync(scope, PortalWebFactory.AdminEmail, developer: false, admin: true);
        var db = scope.ServiceProvider.GetRequiredService<IConnectionsDbContextFactory>();
        await using (var context = db.CreateDbContext())
        {
            for (var i = 0; i < 5000; i++)
            {
                context.Add(new ConnectionEntity
                {
                    Id = Guid.NewGuid(), Name = $"Bulk {i}", LinkName = $"bulk_{i:D4}", ServiceId = "sandbox_sheets", RequestedScopesJson = "[\"sheets.read\"]",
                    OwnerUserId = admin.UserId, CreatedAt = DateTimeOffset.UnixEpoch, ConcurrencyToken = Guid.NewGuid(),
                });
            }

            await context.SaveChangesAsync();
        }

        await ui.ListAsync(admin, ConnectionListScope.All);
        var watch = Stopwatch.StartNew();
        var rows = await ui.ListAsync(admin, ConnectionListScope.All);
        watch.Stop();

        output.WriteLine($"Listed {rows.Count} connections in {watch.ElapsedMilliseconds} ms.");
        Assert.True(rows.Count >= 5000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Listing took {watch.Elapsed}.");
    }

    private static async Task<ConnectionsUser> UserAsync(IServiceScope scope, string email, bool developer, bool admin = false)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new ConnectionsUser(user.Id, admin, developer);
    }
}
