using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Web.Components.Pages.Connections;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

/// <summary>Issue 16 item 5: the wizard's state lives in its URL, so a reload lands on the same step with the same input.</summary>
public sealed class CreateConnectionPageUrlTests : ConnectionsTestContext
{
    public CreateConnectionPageUrlTests() => SignIn("alice", "Developer");

    [Fact]
    public async Task The_details_step_comes_back_from_its_url_with_the_service_and_the_name_typed()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connections/new?service=sandbox_sheets&name=Team%20Sheets");
        RenderDialogHost();

        var cut = Render<CreateConnectionPage>();

        await cut.WaitForAssertionAsync(() => Assert.Equal("Team Sheets", cut.Find("input[data-testid=connection-name]").GetAttribute("value")));
        Assert.Equal("team_sheets", cut.Find("input[data-testid=link-name]").GetAttribute("value"));
        Assert.Contains("connection: \"team_sheets\"", cut.Find("[data-testid=link-name-preview]").TextContent);
    }

    [Fact]
    public async Task Typing_a_name_keeps_it_in_the_url_without_adding_history_entries()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/connections/new?service=sandbox_sheets");
        RenderDialogHost();
        var cut = Render<CreateConnectionPage>();
        await cut.WaitForElementAsync("input[data-testid=connection-name]");
        var entries = navigation.History.Count;

        cut.Find("input[data-testid=connection-name]").Input("Team Sheets");

        await cut.WaitForAssertionAsync(() => Assert.EndsWith("/connections/new?service=sandbox_sheets&name=Team%20Sheets", navigation.Uri));
        Assert.True(navigation.History.First().Options.ReplaceHistoryEntry);
        Assert.Equal(entries, navigation.History.Count);
        Assert.Equal("Team Sandbox Sheets", cut.Find("input[data-testid=connection-name]").GetAttribute("placeholder"));
    }

    [Fact]
    public async Task Create_replaces_the_wizard_url_with_the_created_connections_own_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/connections/new?service=sandbox_sheets&name=Team%20Sheets");
        RenderDialogHost();
        var cut = Render<CreateConnectionPage>();
        await cut.WaitForElementAsync("[data-testid=create-and-connect]");

        await cut.InvokeAsync(() => cut.Find("[data-testid=create-and-connect]").Click());

        await cut.WaitForAssertionAsync(() => Assert.EndsWith("/connections/team_sheets/connect?start=1", navigation.Uri));
        Assert.Single(Ui.Created);
    }

    [Fact]
    public async Task The_connect_url_of_a_connected_connection_shows_connected_and_the_sample_instead_of_a_new_form()
    {
        Ui.Views["team_sheets"] = new ConnectionView(
            FakeConnectionsUi.Summary("team_sheets", "Team Sheets", "alice", ConnectionMode.OwnerCredentials, AuthorizationStatus.Connected),
            "Alice", ServiceAuthType.OAuth2AuthorizationCode, FakeConnectionsUi.Sheets.Descriptor.Scopes,
            [new AuthorizationView("alice", "Alice", true, AuthorizationStatus.Connected, null, ["sheets.read"], [], null, null, null, null, null)],
            [], InvokeUrlSnippet.Format("team_sheets", "http://127.0.0.1:5100/api/sheets/v1/spreadsheets"), "/connections/oauth/start?connection=team_sheets",
            CanManage: true, CanAuthorize: true, []);
        RenderDialogHost();

        var cut = Render<CreateConnectionPage>(p => p.Add(x => x.LinkName, "team_sheets"));

        await cut.WaitForElementAsync("[data-testid=wizard-connected]");
        Assert.Contains("connection: \"team_sheets\"", cut.Find("[data-testid=snippet]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=create-and-connect]"));
    }

    [Fact]
    public async Task A_client_credentials_connection_is_not_said_to_need_a_sign_in_with_an_account()
    {
        Ui.Views["ops_api"] = new ConnectionView(
            FakeConnectionsUi.Summary("ops_api", "Ops API", "alice", ConnectionMode.OwnerCredentials, AuthorizationStatus.NotConnected),
            "Alice", ServiceAuthType.OAuth2ClientCredentials, [], [], [], InvokeUrlSnippet.Format("ops_api", null), "", CanManage: true, CanAuthorize: true, []);
        RenderDialogHost();

        var cut = Render<CreateConnectionPage>(p => p.Add(x => x.LinkName, "ops_api"));

        await cut.WaitForElementAsync("[data-testid=connect-explanation]");
        var text = cut.Find("[data-testid=connect-explanation]").TextContent;
        Assert.Contains("client credentials; nobody signs in", text);
        Assert.DoesNotContain("account", text);
    }
}
