using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Five_thousand_connections_are_asked_for_and_shown_one_page_at_a_time()
    {
        SignIn("root", "Admin");
        AddBulk(5000);

        var cut = Render<ConnectionsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0000", cut.Markup));
        Assert.Equal(50, cut.FindAll("[data-testid=row-link]").Count);
        Assert.Equal("1–50 of 5,000", cut.Find("[data-testid=connections-range]").TextContent.Trim());
        Assert.Equal(50, Ui.Queries.Single().Take);
        Assert.Equal(0, Ui.Queries.Single().Skip);
    }

    [Fact]
    public async Task Paging_asks_the_engine_for_the_next_window_and_keeps_it_in_the_address()
    {
        SignIn("root", "Admin");
        AddBulk(120);
        var cut = Render<ConnectionsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0000", cut.Markup));

        cut.Find("[data-testid=connections-pagination] button[aria-label='Page 3']").Click();

        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0100", cut.Markup));
        Assert.DoesNotContain("bulk_0000", cut.Markup);
        Assert.Equal("101–120 of 120", cut.Find("[data-testid=connections-range]").TextContent.Trim());
        Assert.Equal(100, Ui.Queries.Last().Skip);
        Assert.EndsWith("/connections?page=3", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_keeps_the_tab_search_filters_and_page_from_the_address()
    {
        SignIn("root", "Admin");
        AddBulk(300);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connections?tab=all&q=bulk&status=Connected&size=100&page=2");

        var cut = Render<ConnectionsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0100", cut.Markup));
        var query = Ui.Queries.Last();
        Assert.Equal(("bulk", AuthorizationStatus.Connected, 100, 100), (query.Search, query.Status, query.Skip, query.Take));
        Assert.Equal(ConnectionListScope.All, Ui.ListCalls.Last().Scope);
        Assert.Equal("bulk", cut.Find("input[data-testid=connection-search]").GetAttribute("value"));
        Assert.Equal("101–200 of 300 matching", cut.Find("[data-testid=connections-range]").TextContent.Trim());
    }

    [Fact]
    public async Task An_address_past_the_last_page_shows_the_last_page()
    {
        SignIn("root", "Admin");
        AddBulk(60);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connections?page=9");

        var cut = Render<ConnectionsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Contains("bulk_0050", cut.Markup));
        Assert.Equal("51–60 of 60", cut.Find("[data-testid=connections-range]").TextContent.Trim());
    }

    [Fact]
    public async Task A_search_that_matches_nothing_offers_to_clear_it()
    {
        SignIn("alice", "Developer");
        var cut = Render<ConnectionsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Contains("alice_private", cut.Markup));

        cut.Find("input[data-testid=connection-search]").Input("no such thing");
        await cut.WaitForAssertionAsync(() => Assert.Contains("No connections match your search and filters.", cut.Markup));
        cut.Find("[data-testid=clear-filters]").Click();

        await cut.WaitForAssertionAsync(() => Assert.Contains("alice_private", cut.Markup));
        Assert.Equal("", Ui.Queries.Last().Search);
    }

    private void AddBulk(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Ui.Rows.Add(FakeConnectionsUi.Row($"bulk_{i:D4}", "root", ConnectionMode.OwnerCredentials, AuthorizationStatus.Connected));
        }
    }
}
