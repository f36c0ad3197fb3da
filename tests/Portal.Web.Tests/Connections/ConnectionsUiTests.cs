using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.ConnectionsUi;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Web.Tests.Connections;

/// <summary><see cref="ConnectionsUi"/> over the real engine and database.</summary>
public sealed class ConnectionsUiTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
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
        var row = (await ui.PageAsync(alice, ConnectionListScope.My, new ConnectionListQuery())).Rows.Single(r => r.LinkName == "ui_rows_sheets");

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
    public async Task Five_thousand_connections_are_paged_searched_and_counted_in_the_database()
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
                    Id = Guid.NewGuid(), Name = $"Bulk {i:D4}", LinkName = $"bulk_{i:D4}", ServiceId = "sandbox_sheets", RequestedScopesJson = "[\"sheets.read\"]",
                    OwnerUserId = admin.UserId, CreatedAt = DateTimeOffset.UnixEpoch, ConcurrencyToken = Guid.NewGuid(),
                });
            }

            await context.SaveChangesAsync();
        }

        var bulk = new ConnectionListQuery { Search = "BULK", Take = 50 };
        var first = await ui.PageAsync(admin, ConnectionListScope.All, bulk);
        var last = await ui.PageAsync(admin, ConnectionListScope.All, bulk with { Skip = 4990 });
        var one = await ui.PageAsync(admin, ConnectionListScope.All, new ConnectionListQuery { Search = "bulk_4321" });
        var connected = await ui.PageAsync(admin, ConnectionListScope.All, bulk with { Status = AuthorizationStatus.Connected });
        var notConnected = await ui.PageAsync(admin, ConnectionListScope.All, bulk with { Status = AuthorizationStatus.NotConnected });

        Assert.Equal(5000, first.Total);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => $"bulk_{i:D4}")], first.Rows.Select(r => r.LinkName));
        Assert.Equal([.. Enumerable.Range(4990, 10).Select(i => $"bulk_{i:D4}")], last.Rows.Select(r => r.LinkName));
        Assert.Equal("bulk_4321", Assert.Single(one.Rows).LinkName);
        Assert.Equal(["sheets.read"], one.Rows[0].Scopes);
        Assert.Equal(0, connected.Total);
        Assert.Equal(5000, notConnected.Total);
        Assert.Contains(first.Services, s => s.ServiceId == "sandbox_sheets" && s.ServiceName == "Sandbox Sheets");
    }

    // SEC-30: the paged list is asked by someone who must not see an owner-credential connection of another developer.
    [Fact]
    public async Task Search_status_and_owner_filters_never_reveal_a_connection_the_viewer_may_not_see()
    {
        using var scope = factory.Services.CreateScope();
        var ui = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var alice = await UserAsync(scope, "alice@portal.local", developer: true);
        var bob = await UserAsync(scope, "bob@portal.local", developer: false);
        Assert.True((await ui.CreateAsync(new CreateConnectionRequest
        {
            Name = "Alice Hidden Weather", LinkName = "alice_hidden_weather", ServiceId = "sandbox_weather", Mode = ConnectionMode.OwnerCredentials,
        }, alice)).Succeeded);
        Assert.True((await ui.CreateAsync(new CreateConnectionRequest
        {
            Name = "Alice Team Sheets", LinkName = "alice_team_sheets", ServiceId = "sandbox_sheets", Scopes = ["sheets.read"], Mode = ConnectionMode.LoginUserCredentials,
        }, alice)).Succeeded);

        var byName = await ui.PageAsync(bob, ConnectionListScope.All, new ConnectionListQuery { Search = "hidden" });
        var byOwner = await ui.PageAsync(bob, ConnectionListScope.All, new ConnectionListQuery { Search = "Alice Developer" });
        var byService = await ui.PageAsync(bob, ConnectionListScope.All, new ConnectionListQuery { Search = "Sandbox Weather" });
        var byStatus = await ui.PageAsync(bob, ConnectionListScope.All, new ConnectionListQuery { Status = AuthorizationStatus.NotConnected, Take = 1000 });
        var shared = await ui.PageAsync(bob, ConnectionListScope.Shared, new ConnectionListQuery { Search = "alice" });
        var ownerView = await ui.PageAsync(alice, ConnectionListScope.My, new ConnectionListQuery { Search = "hidden" });

        Assert.Equal(0, byName.Total);
        Assert.DoesNotContain(byOwner.Rows, r => r.LinkName == "alice_hidden_weather");
        Assert.Contains(byOwner.Rows, r => r.LinkName == "alice_team_sheets");
        Assert.DoesNotContain(byService.Rows, r => r.LinkName == "alice_hidden_weather");
        Assert.DoesNotContain(byStatus.Rows, r => r.LinkName == "alice_hidden_weather");
        Assert.Equal("alice_team_sheets", Assert.Single(shared.Rows, r => r.LinkName.StartsWith("alice_", StringComparison.Ordinal)).LinkName);
        Assert.Equal(AuthorizationStatus.NotConnected, shared.Rows.Single(r => r.LinkName == "alice_team_sheets").Status);
        Assert.Equal("alice_hidden_weather", Assert.Single(ownerView.Rows).LinkName);
    }

    private static async Task<ConnectionsUser> UserAsync(IServiceScope scope, string email, bool developer, bool admin = false)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new ConnectionsUser(user.Id, admin, developer);
    }
}
