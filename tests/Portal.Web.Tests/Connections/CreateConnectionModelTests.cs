using Portal.Connections.Data;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

public sealed class CreateConnectionModelTests
{
    [Fact]
    public void Link_name_follows_the_connection_name_until_the_user_edits_it()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);

        model.SetName("Team Sheets 2026!");
        var derived = model.LinkName;
        model.SetLinkName("team_ops");
        model.SetName("Something Else");

        Assert.Equal("team_sheets_2026", derived);
        Assert.Equal("team_ops", model.LinkName);
    }

    [Fact]
    public void Clearing_the_link_name_goes_back_to_deriving_it_from_the_name()
    {
        var model = new CreateConnectionModel();
        model.SetName("Team Sheets");
        model.SetLinkName("custom");

        model.SetLinkName("");

        Assert.Equal("team_sheets", model.LinkName);
    }

    [Theory]
    [InlineData("Team_Sheets")]
    [InlineData("1sheets")]
    [InlineData("team-sheets")]
    public void Link_names_that_break_the_format_are_rejected_with_a_fix(string link)
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);

        model.SetLinkName(link);

        Assert.Contains("lowercase letter first", model.LinkNameError);
        Assert.False(model.IsValid);
    }

    [Fact]
    public void A_taken_link_name_is_reported_by_name()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);
        model.SetName("Sandbox Sheets");

        model.LinkNameTaken = true;

        Assert.Equal("The link name 'sandbox_sheets' is not available (link names are unique across the portal); choose a different one, e.g. 'sandbox_sheets_2'.", model.LinkNameError);
    }

    [Fact]
    public void Picking_a_service_preselects_its_default_scopes_and_leaves_the_name_to_the_user()
    {
        var model = new CreateConnectionModel();

        model.SelectService(FakeConnectionsUi.Sheets);

        Assert.Equal(["sheets.read"], model.SelectedScopes);
        Assert.Equal("", model.Name);
        Assert.Equal("", model.LinkName);
        Assert.Equal("Team Sandbox Sheets", model.NamePlaceholder);
        Assert.False(model.AllScopesSelected);
    }

    [Fact]
    public void Typing_a_name_after_picking_a_service_gives_exactly_that_name_and_its_link_name()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);

        model.SetName("Team Sheets");

        Assert.Equal("Team Sheets", model.Name);
        Assert.Equal("team_sheets", model.LinkName);
    }

    [Fact]
    public void Select_all_and_none_toggle_every_scope_and_none_is_an_error()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);

        model.SetAllScopes(true);
        var all = model.SelectedScopes.Order().ToList();
        model.SetAllScopes(false);

        Assert.Equal(["sheets.read", "sheets.write"], all);
        Assert.Empty(model.SelectedScopes);
        Assert.NotNull(model.ScopesError);
    }

    [Fact]
    public void The_request_carries_the_chosen_scopes_in_catalogue_order_and_the_shared_mode()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Sheets);
        model.SetName("Team Sheets");
        model.SetScope("sheets.write", true);
        model.UseLoginUserCredentials = true;

        var request = model.ToRequest();

        Assert.Equal("team_sheets", request.LinkName);
        Assert.Equal("sandbox_sheets", request.ServiceId);
        Assert.Equal(["sheets.read", "sheets.write"], request.Scopes);
        Assert.Equal(ConnectionMode.LoginUserCredentials, request.Mode);
    }

    [Fact]
    public void An_api_key_service_needs_every_key_field_before_it_is_valid()
    {
        var model = new CreateConnectionModel();
        model.SelectService(FakeConnectionsUi.Weather);
        model.SetName("Weather");
        var before = model.IsValid;

        model.Credentials.ApiKeys["X-Weather-Key"] = "sandbox-weather-demo-key";

        Assert.False(before);
        Assert.True(model.NeedsCredentials);
        Assert.True(model.IsValid);
    }
}
