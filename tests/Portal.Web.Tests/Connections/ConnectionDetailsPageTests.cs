using System.Globalization;
using Bunit;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Components.Pages.Connections;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

public sealed class ConnectionDetailsPageTests : ConnectionsTestContext
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-02T09:30:00Z", CultureInfo.InvariantCulture);

    private static ConnectionView TeamSheets(bool viewerIsOwner, params AuthorizationView[] auths) => new(
        FakeConnectionsUi.Summary("team_sheets", "Team Sheets", "alice", ConnectionMode.LoginUserCredentials, AuthorizationStatus.Connected),
        "Alice Developer", ServiceAuthType.OAuth2AuthorizationCode, FakeConnectionsUi.Sheets.Descriptor.Scopes, auths,
        [new ConnectionUsage("weekly_report", "f1")], InvokeUrlSnippet.Format("team_sheets", "http://127.0.0.1:5100/api/sheets/v1/spreadsheets"),
        "/connections/oauth/start?connection=team_sheets", CanManage: viewerIsOwner, CanAuthorize: true, []);

    private static AuthorizationView Auth(string id, string name, bool viewer, AuthorizationStatus status, string[] granted, string[] declined) =>
        new(id, name, viewer, status, null, granted, declined, At, null, At.AddHours(1), null, null);

    [Fact]
    public async Task The_owner_sees_every_authorization_with_declined_scopes_highlighted_and_the_usage()
    {
        SignIn("alice", "Developer");
        Ui.Views["team_sheets"] = TeamSheets(true,
            Auth("alice", "Alice Developer", true, AuthorizationStatus.Connected, ["sheets.read", "sheets.write"], []),
            Auth("bob", "Bob User", false, AuthorizationStatus.Connected, ["sheets.read"], ["sheets.write"]));

        var cut = Render<ConnectionDetailsPage>(p => p.Add(x => x.LinkName, "team_sheets"));

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll("[data-testid=authorization]").Count));
        var bob = cut.Find("[data-testid=authorization][data-user='Bob User']");
        Assert.Equal("sheets.write", bob.QuerySelector("[data-testid=scope-declined]")!.TextContent.Trim());
        Assert.Contains("Not granted at the provider: sheets.write", bob.TextContent);
        Assert.Contains("weekly_report", cut.Find("[data-testid=used-in]").TextContent);
        Assert.Contains("connection: \"team_sheets\"", cut.Find("[data-testid=snippet]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=details-delete]"));
    }

    [Fact]
    public async Task A_user_of_a_shared_connection_can_connect_and_revoke_but_not_delete()
    {
        SignIn("bob", "User");
        Ui.Views["team_sheets"] = TeamSheets(false, Auth("bob", "Bob User", true, AuthorizationStatus.Connected, ["sheets.read", "sheets.write"], []));

        var cut = Render<ConnectionDetailsPage>(p => p.Add(x => x.LinkName, "team_sheets"));

        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=details-revoke]")));
        Assert.Equal("Reconnect", cut.Find("[data-testid=details-connect]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=details-delete]"));
        Assert.Contains("Alice Developer", cut.Find("[data-testid=details-owner]").TextContent);
    }

    [Fact]
    public async Task A_shared_connection_others_authorized_tells_the_viewer_they_have_not_yet_and_how_many_others_have()
    {
        SignIn("carol", "Admin");
        Ui.Views["team_sheets"] = TeamSheets(true,
            Auth("alice", "Alice Developer", false, AuthorizationStatus.Connected, ["sheets.read"], []),
            Auth("bob", "Bob User", false, AuthorizationStatus.Connected, ["sheets.read"], []));

        var cut = Render<ConnectionDetailsPage>(p => p.Add(x => x.LinkName, "team_sheets"));

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll("[data-testid=authorization]").Count));
        Assert.Equal("You have not authorized it yet; 2 others have. Click Connect to use it with your own Sandbox Sheets account.",
            cut.Find("[data-testid=viewer-status]").TextContent.Trim());
        Assert.DoesNotContain("Nobody", cut.Markup);
        Assert.DoesNotContain("(you)", cut.Markup);
    }

    [Fact]
    public async Task A_user_who_sees_only_their_own_authorization_is_not_told_that_nobody_has_authorized()
    {
        SignIn("bob", "User");
        Ui.Views["team_sheets"] = TeamSheets(false);

        var cut = Render<ConnectionDetailsPage>(p => p.Add(x => x.LinkName, "team_sheets"));

        await cut.WaitForAssertionAsync(() => Assert.Equal(
            "You have not authorized it yet. Click Connect to use it with your own Sandbox Sheets account.", cut.Find("[data-testid=viewer-status]").TextContent.Trim()));
        Assert.DoesNotContain("Nobody", cut.Markup);
    }

    [Fact]
    public async Task An_unknown_connection_says_so_and_links_back()
    {
        SignIn("bob", "User");

        var cut = Render<ConnectionDetailsPage>(p => p.Add(x => x.LinkName, "nope"));

        await cut.WaitForAssertionAsync(() => Assert.Contains("There is no connection named “nope” that you can see", cut.Markup));
        Assert.Contains("href=\"/connections\"", cut.Markup);
    }
}
