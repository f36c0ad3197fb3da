using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Data;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.ConnectionsUi;
using Portal.Web.Integrations;
using Portal.Web.Tests.Connections;

namespace Portal.Web.Tests.Integrations;

public sealed class IntegrationsPageTests : ConnectionsTestContext
{
    private readonly FakeIntegrationsAdmin admin = new();

    public IntegrationsPageTests()
    {
        Services.AddSingleton<IIntegrationsAdmin>(admin);
        SignIn("admin", "Admin");
    }

    [Fact]
    public void An_unbound_pack_shows_its_status_tasks_and_the_admin_versus_invokeUrl_explanation()
    {
        RenderDialogHost();

        var page = Render<IntegrationsPage>();

        Assert.Equal("NotBound", page.Find("[data-testid=integration-status]").GetAttribute("data-state"));
        Assert.Contains("Not bound", page.Find("[data-testid=integration-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("zoho.crm.getRecords(module, page?, per_page?, query_map?)", page.Find("[data-testid=integration-tasks]").TextContent, StringComparison.Ordinal);
        var explanation = page.Find("[data-testid=integrations-explanation]").TextContent;
        Assert.Contains("Integration tasks run as the admin.", explanation, StringComparison.Ordinal);
        Assert.Contains("invokeUrl runs as whoever authorized", explanation, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=integration-test]"));
        Assert.Contains("Create one", page.Find("[data-testid=integration-no-connections]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binding_uses_the_connection_the_admin_authorized_and_then_shows_it_as_bound()
    {
        RenderDialogHost();
        admin.Connections.Add(new BindableConnection("org_crm", "Org CRM", "Sandbox CRM", ConnectionMode.LoginUserCredentials, AuthorizationStatus.Connected));
        var page = Render<IntegrationsPage>();

        await page.Find("[data-testid=integration-bind]").ClickAsync(new());

        Assert.Equal([("zoho.crm", "org_crm", (string?)"admin")], admin.Binds);
        await page.WaitForAssertionAsync(() => Assert.Equal("Bound", page.Find("[data-testid=integration-status]").GetAttribute("data-state")));
        Assert.Contains("Bound to “Org CRM” authorized as admin@test.local", page.Find("[data-testid=integration-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_the_admin_has_not_authorized_cannot_be_bound_but_offers_authorization()
    {
        var host = RenderDialogHost();
        admin.Connections.Add(new BindableConnection("org_crm", "Org CRM", "Sandbox CRM", ConnectionMode.LoginUserCredentials, AuthorizationStatus.NotConnected));
        Ui.Views["org_crm"] = OrgCrmView();
        var page = Render<IntegrationsPage>();

        Assert.True(page.Find("[data-testid=integration-bind]").HasAttribute("disabled"));
        await page.Find("[data-testid=integration-authorize]").ClickAsync(new());

        await host.WaitForAssertionAsync(() => Assert.Contains("/connections/oauth/start?connection=org_crm", host.Find("[data-testid=consent-connect]").GetAttribute("data-portal-popup"), StringComparison.Ordinal));
        Assert.Empty(admin.Binds);
    }

    [Fact]
    public async Task Test_shows_what_the_harmless_task_returned()
    {
        RenderDialogHost();
        admin.Connections.Add(new BindableConnection("org_crm", "Org CRM", "Sandbox CRM", ConnectionMode.LoginUserCredentials, AuthorizationStatus.Connected));
        admin.Status = new IntegrationStatus(FakeIntegrationsAdmin.Zoho, IntegrationBindingState.Bound, "Org CRM", "org_crm", "admin@test.local", "admin@test.local", DateTimeOffset.UnixEpoch);
        var page = Render<IntegrationsPage>();

        await page.Find("[data-testid=integration-test]").ClickAsync(new());

        var result = page.Find("[data-testid=integration-test-result]").TextContent;
        Assert.Contains("returned a list of 1 record(s) (HTTP 200)", result, StringComparison.Ordinal);
        Assert.Contains("Lovelace", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbinding_asks_first_then_calls_the_service_and_returns_to_not_bound()
    {
        var host = RenderDialogHost();
        admin.Status = new IntegrationStatus(FakeIntegrationsAdmin.Zoho, IntegrationBindingState.Bound, "Org CRM", "org_crm", "admin@test.local", "admin@test.local", DateTimeOffset.UnixEpoch);
        var page = Render<IntegrationsPage>();

        page.Find("[data-testid=integration-unbind]").Click();
        await host.WaitForAssertionAsync(() => Assert.Contains("fails from now on", host.Markup, StringComparison.Ordinal));
        Assert.Empty(admin.Unbinds);
        host.FindAll("button").Last(b => b.TextContent.Trim() == "Unbind").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(["zoho.crm"], admin.Unbinds));
        await page.WaitForAssertionAsync(() => Assert.Equal("NotBound", page.Find("[data-testid=integration-status]").GetAttribute("data-state")));
    }

    [Fact]
    public void A_binding_whose_admin_authorization_lapsed_says_who_must_re_authorize()
    {
        RenderDialogHost();
        admin.Status = new IntegrationStatus(FakeIntegrationsAdmin.Zoho, IntegrationBindingState.NeedsReauthorization, "Org CRM", "org_crm", "ann@test.local", "ann@test.local", DateTimeOffset.UnixEpoch);

        var page = Render<IntegrationsPage>();

        Assert.Contains("needs re-authorization by ann@test.local", page.Find("[data-testid=integration-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("fail until ann@test.local authorizes", page.Find("[data-testid=integration-reauth]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_whose_admin_is_no_longer_an_admin_says_so_and_asks_for_a_re_bind()
    {
        RenderDialogHost();
        admin.Status = new IntegrationStatus(FakeIntegrationsAdmin.Zoho, IntegrationBindingState.AdminNoLongerActive, "Org CRM", "org_crm", "ann@test.local", "ann@test.local", DateTimeOffset.UnixEpoch);

        var page = Render<IntegrationsPage>();

        Assert.Contains("ann@test.local is no longer an active admin", page.Find("[data-testid=integration-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Re-bind it with a connection you authorized", page.Find("[data-testid=integration-admin-inactive]").TextContent, StringComparison.Ordinal);
    }

    private static ConnectionView OrgCrmView() => new(
        FakeConnectionsUi.Summary("org_crm", "Org CRM", "admin", ConnectionMode.LoginUserCredentials, AuthorizationStatus.NotConnected),
        "Admin", Portal.Connections.Catalog.ServiceAuthType.OAuth2AuthorizationCode, FakeConnectionsUi.Sheets.Descriptor.Scopes, [],
        [], InvokeUrlSnippet.Format("org_crm", "http://127.0.0.1:5100/crm/v8/Leads"), "/connections/oauth/start?connection=org_crm",
        CanManage: true, CanAuthorize: true, []);
}
