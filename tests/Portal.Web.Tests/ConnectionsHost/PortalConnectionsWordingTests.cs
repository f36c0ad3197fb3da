using Portal.Connections;
using Portal.Connections.Data;
using Portal.Web.ConnectionsHost;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Tests.Security.LeastPrivilege;

namespace Portal.Web.Tests.ConnectionsHost;

/// <summary>
/// The connections engine reports what happened and what fixes it as data; the portal alone decides the words, the pages
/// and the menus (issue #19). What a function author reads after a failed invokeUrl comes from here.
/// </summary>
public sealed class PortalConnectionsWordingTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    private static readonly PortalConnectionsWording Wording = new();

    public static TheoryData<ConnectionProblem, string> Remedies => new()
    {
        { Problem(ConnectionRemedy.Connect), "Open /connections/crm and click Connect." },
        { Problem(ConnectionRemedy.Connect) with { Actor = ConnectionActor.Owner }, "Ask its owner to open /connections/crm and click Connect." },
        { Problem(ConnectionRemedy.Connect) with { Shared = true }, "Open /connections/crm and click Connect. Then run again." },
        { Problem(ConnectionRemedy.Reconnect), "Open /connections/crm and click Reconnect." },
        { Problem(ConnectionRemedy.Reconnect) with { Actor = ConnectionActor.Owner }, "Ask its owner to open /connections/crm and click Reconnect." },
        { Problem(ConnectionRemedy.EnterCredentials), "Enter the credentials on /connections/crm instead." },
        { Problem(ConnectionRemedy.EnableService), "Ask an admin to enable GitHub in Setup › Users & Control › Services." },
        { Problem(ConnectionRemedy.SetUpService), "An admin sets GitHub up in Setup › Users & Control › Services." },
        { Problem(ConnectionRemedy.SetUpService) with { MissingSettings = ["my_domain"] }, "An admin enters {my_domain} in Setup › Users & Control › Services › GitHub." },
        { Problem(ConnectionRemedy.FixClientCredentials), "An admin must fix the client id and secret in Setup › Users & Control › Services." },
        { Problem(ConnectionRemedy.CheckLinkName) with { LinkName = null }, "Check the link name in Setup › Developer Space › Connections." },
        { Problem(ConnectionRemedy.CreateAgain) with { LinkName = null }, "Create it again from Setup › Developer Space › Connections." },
        { Problem(ConnectionRemedy.None), "" },
    };

    [Theory]
    [MemberData(nameof(Remedies))]
    public void Each_remedy_names_the_portal_page_that_fixes_it(ConnectionProblem problem, string expected) =>
        Assert.Equal(expected, Wording.Remedy(problem));

    [Fact]
    public void Connection_pages_are_the_portals()
    {
        Assert.Equal("/connections/my_crm", Wording.ConnectionPage("my_crm"));
        Assert.Equal("/connections", Wording.ConnectionPage(null));
    }

    [Fact]
    public async Task A_run_on_a_connection_not_yet_authorized_says_which_page_to_open()
    {
        await Attackers.CreateConnectionAsync(factory, FunctionsApiClient.Alice, "wording_weather", "sandbox_weather");

        var (status, message) = await AliceRunsWithAsync("wording_weather");

        Assert.Equal(400, status);
        Assert.Contains("Connection 'wording_weather' is not authorized. Open /connections/wording_weather and click Connect.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_on_someone_elses_granted_connection_says_its_owner_must_connect()
    {
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, "wording_admins", "sandbox_weather", ConnectionMode.OwnerCredentials);
        await Attackers.GrantAsync(factory, "wording_admins", FunctionsApiClient.Alice);

        var (status, message) = await AliceRunsWithAsync("wording_admins");

        Assert.Equal(400, status);
        Assert.Contains("Connection 'wording_admins' is not authorized. Ask its owner to open /connections/wording_admins and click Connect.", message, StringComparison.Ordinal);
    }

    // Alice's function calls the Sandbox's weather API through the connection; what the execute API answers.
    private async Task<(int Status, string Message)> AliceRunsWithAsync(string connection)
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var function = await FunctionsApiClient.DeployAsync(alice, $$"""
            return invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/current?city=Oslo" type: GET connection: "{{connection}}" ];
            """);
        var (status, body) = await Attackers.ExecuteAsync(alice, function);
        return (status, Attackers.Message(body));
    }

    private static ConnectionProblem Problem(ConnectionRemedy remedy) =>
        new(ConnectionsErrorKind.NotAuthorized, remedy) { LinkName = "crm", ServiceName = "GitHub" };
}
