using Bunit;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Components.Pages.Connections;

namespace Portal.Web.Tests.Connections;

public sealed class ConnectionListTests : ConnectionsTestContext
{
    public ConnectionListTests()
    {
        Ui.Rows.Add(FakeConnectionsUi.Row("alice_private", "alice", ConnectionMode.OwnerCredentials, AuthorizationStatus.Connected));
        Ui.Rows.Add(FakeConnectionsUi.Row("team_sheets", "alice", ConnectionMode.LoginUserCredentials, AuthorizationStatus.NotConnected));
        Ui.Rows.Add(FakeConnectionsUi.Row("bob_own", "bob", ConnectionMode.OwnerCredentials, AuthorizationStatus.Revoked));
    }

    [Fact]
    public async Task A_developer_sees_their_own_connections_first_and_can_create_one()
    {
        SignIn("alice", "Developer");

        var cut = Render<ConnectionsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Contains("alice_private", cut.Markup));
        Assert.DoesNotContain("bob_own", cut.Markup);
        Assert.NotNull(cut.Find("[data-testid=create-connection]"));
        Assert.DoesNotContain("All Connections", cut.Markup);
        Assert.Equal(ConnectionListScope.My, Ui.ListCalls.Single().Scope);
    }

    [Fact]
    public async Task A_user_cannot_create_and_sees_shared_connections_with_an_authorize_button()
    {
        SignIn("bob", "User");
        var cut = Render<ConnectionsPage>();

        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Shared Connections")).Click();

        await cut.WaitForAssertionAsync(() => Assert.Contains("team_sheets", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=create-connection]"));
        Assert.DoesNotContain("All Connections", cut.Markup);
        Assert.Equal("Not connected", cut.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal("Authorize", cut.Find("[data-testid=row-authorize]").TextContent.Trim());
        Assert.Equal(ConnectionListScope.Shared, Ui.ListCalls.Last().Scope);
    }

    [Fact]
    public async Task An_admin_has_the_all_connections_tab_listing_everyone()
    {
        SignIn("root", "Admin");
        var cut = Render<ConnectionsPage>();

        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("All Connections")).Click();

        await cut.WaitForAssertionAsync(() => Assert.Contains("bob_own", cut.Markup));
        Assert.Contains("alice_private", cut.Markup);
        Assert.Equal(ConnectionListScope.All, Ui.ListCalls.Last().Scope);
    }

    [Fact]
    public async Task Search_filters_by_link_name()
    {
        SignIn("root", "Admin");
        var cut = Render<ConnectionsPage>();
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("All Connections")).Click();
        await cut.WaitForAssertionAsync(() => Assert.Contains("bob_own", cut.Markup));

        cut.Find("input[data-testid=connection-search]").Input("team");

        await cut.WaitForAssertionAsync(() => Assert.DoesNotContain("bob_own", cut.Markup));
        Assert.Contains("team_sheets", cut.Markup);
    }

    [Fact]
    public async Task Five_thousand_connections_render_only_a_window_of_rows()
    {
        SignIn("root", "Admin");
        for (var i = 0; i < 5000; i++)
        {
            Ui.Rows.Add(FakeConnectionsUi.Row($"bulk_{i:D4}", "root", ConnectionMode.OwnerCredentials, AuthorizationStatus.Connected));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var cut = Render<ConnectionsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0000", cut.Markup));
        started.Stop();

        Assert.InRange(cut.FindAll("tbody tr").Count, 1, 250);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"Rendering took {started.Elapsed}.");
    }
}
