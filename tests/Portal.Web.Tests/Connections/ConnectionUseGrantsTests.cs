using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Web.Components.Pages.Connections;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

/// <summary>The connection page's "Functions of these people may use it" list (SEC-33) and where consent says a credential goes (SEC-34).</summary>
public sealed class ConnectionUseGrantsTests : ConnectionsTestContext
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-02T09:30:00Z", CultureInfo.InvariantCulture);

    // SEC-33
    [Fact]
    public async Task The_owner_sees_who_may_use_the_connection_and_removes_a_person()
    {
        SignIn("admin", "Admin");
        Grants.Views["admin_sheets"] = new(
            [new ConnectionUseGranteeView("alice", "Alice Developer", "alice@portal.local", "Administrator", At)],
            [new ConnectionUseGranteeView("carol", "Carol", "carol@portal.local", null, null)]);
        RenderDialogHost();

        var cut = Render<ConnectionUseGrants>(p => p.Add(x => x.LinkName, "admin_sheets").Add(x => x.User, new Portal.Connections.ConnectionsUser("admin", true, false)));

        await cut.WaitForAssertionAsync(() => Assert.Single(cut.FindAll("[data-testid=use-grant]")));
        Assert.Contains("Functions of these people may use it", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Alice Developer", cut.Find("[data-testid=use-grant][data-user='alice@portal.local']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=use-grant-pick]"));
        await cut.Find("[data-testid=use-grant-remove]").ClickAsync(new());
        Assert.Equal([("admin_sheets", "alice")], Grants.Revoked);
    }

    // SEC-33: a shared connection, or a viewer who does not manage it, shows no list at all.
    [Fact]
    public void Nothing_is_shown_when_the_viewer_may_not_manage_the_list()
    {
        SignIn("bob", "User");

        var cut = Render<ConnectionUseGrants>(p => p.Add(x => x.LinkName, "team_sheets").Add(x => x.User, new Portal.Connections.ConnectionsUser("bob", false, false)));

        Assert.Empty(cut.FindAll("[data-testid=use-grants]"));
    }

    // SEC-34
    [Fact]
    public async Task Consent_for_a_custom_service_names_its_creator_and_the_hosts_the_credential_goes_to()
    {
        var host = RenderDialogHost();

        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<ConsentDialog>("Consent", new DialogParameters<ConsentDialog>
        {
            { x => x.ServiceName, "Corp API" },
            { x => x.ConnectionName, "Corp" },
            { x => x.LinkName, "corp_conn" },
            { x => x.Scopes, Array.Empty<ScopeDefinition>() },
            { x => x.Mode, ConnectionMode.OwnerCredentials },
            { x => x.AuthorizeUrl, "/connections/oauth/start?connection=corp_conn" },
            { x => x.Destination, new CredentialDestination(["api.corp.test", "login.corp.test"], "Alice Developer") },
        }));

        await host.WaitForAssertionAsync(() => Assert.Equal("Alice Developer", host.Find("[data-testid=service-creator]").TextContent));
        Assert.Equal("api.corp.test, login.corp.test", host.Find("[data-testid=credential-hosts]").TextContent);
    }

    // SEC-34: the hosts come from the service itself: its API base URLs and, for OAuth, where tokens go.
    [Fact]
    public void The_destination_lists_api_and_token_hosts_and_the_creator_only_for_custom_services()
    {
        var service = new CatalogService
        {
            Descriptor = new Portal.Connections.Catalog.ServiceDescriptor
            {
                Id = "corp", DisplayName = "Corp", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
                TokenUrl = "https://login.corp.test/token", AllowedApiBaseUrls = ["https://api.corp.test/v1/", "https://api.corp.test/v2/"],
            },
            IsCustom = true,
        };

        var custom = CredentialDestination.From(service, "Alice Developer");
        var builtIn = CredentialDestination.From(service with { IsCustom = false }, "ignored");

        Assert.Equal(["api.corp.test", "login.corp.test"], custom.Hosts);
        Assert.Equal("Alice Developer", custom.CustomServiceCreator);
        Assert.Null(builtIn.CustomServiceCreator);
    }
}
