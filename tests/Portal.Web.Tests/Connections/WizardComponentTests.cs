using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Web.Components.Pages.Connections;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

public sealed class WizardComponentTests : ConnectionsTestContext
{
    [Fact]
    public async Task Typing_a_connection_name_fills_the_link_name_live()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);
        var cut = Render<ConnectionDetailsForm>(p => p.Add(x => x.Model, model));

        cut.Find("input[data-testid=connection-name]").Input("Team Sheets");

        await cut.WaitForAssertionAsync(() => Assert.Equal("team_sheets", cut.Find("input[data-testid=link-name]").GetAttribute("value")));
    }

    [Fact]
    public async Task A_link_name_in_use_is_flagged_while_typing()
    {
        Ui.TakenLinkNames.Add("team_sheets");
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);
        var cut = Render<ConnectionDetailsForm>(p => p.Add(x => x.Model, model));

        cut.Find("input[data-testid=connection-name]").Input("Team Sheets");

        await cut.WaitForAssertionAsync(() => Assert.Contains("is not available (link names are unique across the portal)", cut.Markup));
    }

    [Fact]
    public void Scopes_are_listed_with_descriptions_and_select_all_ticks_every_one()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);
        var cut = Render<ConnectionDetailsForm>(p => p.Add(x => x.Model, model));

        cut.Find("[data-testid=select-all-scopes] input, input[data-testid=select-all-scopes]").Change(true);

        Assert.Equal(2, cut.FindAll("[data-testid=scope-row]").Count);
        Assert.Contains("Add and change rows in your spreadsheets", cut.Markup);
        Assert.True(model.AllScopesSelected);
    }

    [Fact]
    public void An_api_key_service_shows_its_key_fields_instead_of_scopes()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Weather);

        var cut = Render<ConnectionDetailsForm>(p => p.Add(x => x.Model, model));

        var key = cut.Find("input[data-testid='apikey-X-Weather-Key']");
        Assert.Equal("password", key.GetAttribute("type"));
        Assert.Empty(cut.FindAll("[data-testid=scope-row]"));
        Assert.Contains("Sent as header X-Weather-Key", cut.Markup);
    }

    [Fact]
    public void Services_needing_admin_setup_are_disabled_and_say_why()
    {
        var cut = Render<ServicePicker>(p => p.Add(x => x.Services, Ui.Services));

        var github = cut.Find("[data-service=github]");

        Assert.Equal("true", github.GetAttribute("aria-disabled"));
        Assert.NotEqual("BUTTON", github.TagName);
        Assert.Contains("Needs setup: GitHub has no client id and secret yet. An admin sets GitHub up in Setup › Users & Control › Services.", github.TextContent);
        Assert.Equal("BUTTON", cut.Find("[data-service=sandbox_sheets]").TagName);
        Assert.Empty(cut.FindAll("[data-testid=needs-setup-link]"));
    }

    [Fact]
    public void For_an_admin_the_needs_setup_hint_links_to_setup_services()
    {
        SignIn("admin-1", "Admin");

        var cut = Render<ServicePicker>(p => p.Add(x => x.Services, Ui.Services));

        var link = cut.Find("[data-service=github] [data-testid=needs-setup-link]");
        Assert.Equal("/admin/services", link.GetAttribute("href"));
    }

    [Fact]
    public void A_developer_sees_the_needs_setup_hint_without_a_link_they_could_not_open()
    {
        SignIn("alice", "Developer");

        var cut = Render<ServicePicker>(p => p.Add(x => x.Services, Ui.Services));

        Assert.Contains("Setup › Users & Control › Services", cut.Find("[data-service=github]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=needs-setup-link]"));
    }

    [Fact]
    public async Task The_consent_dialog_names_the_service_the_scopes_in_plain_words_and_whose_account_is_used()
    {
        var host = RenderDialogHost();

        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<ConsentDialog>("Consent", new DialogParameters<ConsentDialog>
        {
            { x => x.ServiceName, "Sandbox Sheets" },
            { x => x.ConnectionName, "Team Sheets" },
            { x => x.LinkName, "team_sheets" },
            { x => x.Scopes, FakeConnectionsUi.Sheets.Descriptor.Scopes },
            { x => x.Mode, ConnectionMode.LoginUserCredentials },
            { x => x.AuthorizeUrl, "/connections/oauth/start?connection=team_sheets" },
        }));

        await host.WaitForAssertionAsync(() => Assert.Contains("Connect to Sandbox Sheets", host.Markup));
        Assert.Contains("Read your spreadsheets", host.Find("[data-testid=consent-scopes]").TextContent);
        Assert.Contains("Add and change rows in your spreadsheets", host.Find("[data-testid=consent-scopes]").TextContent);
        Assert.Contains("Your own Sandbox Sheets account will be used", host.Find("[data-testid=consent-credentials]").TextContent);
        var connect = host.Find("[data-testid=consent-connect]");
        Assert.Equal("/connections/oauth/start?connection=team_sheets", connect.GetAttribute("data-portal-popup"));
        Assert.Null(connect.GetAttribute("onclick")); // SEC-31: no inline handler; connections.js opens the popup from the click
    }

    [Fact]
    public async Task In_owner_mode_the_consent_dialog_says_whose_functions_use_the_account()
    {
        var host = RenderDialogHost();

        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<ConsentDialog>("Consent", new DialogParameters<ConsentDialog>
        {
            { x => x.ServiceName, "Sandbox Sheets" },
            { x => x.ConnectionName, "Ops" },
            { x => x.LinkName, "ops" },
            { x => x.Scopes, Array.Empty<ScopeDefinition>() },
            { x => x.Mode, ConnectionMode.OwnerCredentials },
            { x => x.AuthorizeUrl, "/connections/oauth/start?connection=ops" },
        }));

        await host.WaitForAssertionAsync(() => Assert.Contains("will be used by your functions that use “ops”, and by those of people you grant use to", host.Find("[data-testid=consent-credentials]").TextContent));
    }
}
