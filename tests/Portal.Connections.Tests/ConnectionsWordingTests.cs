using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

/// <summary>
/// The engine says what happened and what fixes it; without a host's wording it names no page, menu or button of any host.
/// </summary>
public sealed class ConnectionsWordingTests
{
    private static readonly NeutralConnectionsWording Neutral = new();

    public static TheoryData<ConnectionRemedy, ConnectionActor, string> Remedies => new()
    {
        { ConnectionRemedy.Connect, ConnectionActor.Reader, "Authorize the connection." },
        { ConnectionRemedy.Connect, ConnectionActor.Owner, "Ask the connection's owner to authorize the connection." },
        { ConnectionRemedy.Reconnect, ConnectionActor.Owner, "Ask the connection's owner to authorize the connection again." },
        { ConnectionRemedy.EnterCredentials, ConnectionActor.Reader, "Enter the connection's credentials again." },
        { ConnectionRemedy.EnableService, ConnectionActor.Admin, "Ask an admin to enable the service." },
        { ConnectionRemedy.SetUpService, ConnectionActor.Admin, "Ask an admin to set up the service." },
        { ConnectionRemedy.FixClientCredentials, ConnectionActor.Admin, "Ask an admin to check the service's client id and secret." },
        { ConnectionRemedy.CheckLinkName, ConnectionActor.Reader, "Check the link name." },
        { ConnectionRemedy.CreateAgain, ConnectionActor.Reader, "Create the connection again." },
        { ConnectionRemedy.None, ConnectionActor.Reader, "" },
    };

    [Theory]
    [MemberData(nameof(Remedies))]
    public void The_default_wording_names_no_page(ConnectionRemedy remedy, ConnectionActor actor, string expected)
    {
        var text = Neutral.Remedy(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, remedy) { LinkName = "crm", Actor = actor, ServiceName = "GitHub" });

        Assert.Equal(expected, text);
        Assert.DoesNotContain("/", text);
        Assert.DoesNotContain("›", text);
        Assert.Null(Neutral.ConnectionPage("crm"));
    }

    [Fact]
    public void Every_remedy_has_words()
    {
        foreach (var remedy in Enum.GetValues<ConnectionRemedy>().Where(r => r != ConnectionRemedy.None))
        {
            Assert.NotEmpty(Neutral.Remedy(new ConnectionProblem(ConnectionsErrorKind.Invalid, remedy)));
        }
    }

    [Theory]
    [InlineData("Connection 'crm' is not authorized.", "Connection 'crm' is not authorized. Authorize the connection.")]
    [InlineData("Connection 'crm' is not authorized", "Connection 'crm' is not authorized. Authorize the connection.")]
    public void Describe_joins_what_happened_and_what_fixes_it(string happened, string expected)
    {
        var exception = new ConnectionsException(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, ConnectionRemedy.Connect) { LinkName = "crm" }, happened);

        Assert.Equal(expected, Neutral.Describe(exception));
        Assert.Equal(happened, Neutral.Describe(happened, null));
    }

    [Fact]
    public async Task A_connection_that_needs_connecting_says_so_as_data_and_not_as_a_page()
    {
        using var engine = TestEngine.Create();
        await engine.AddServiceAsync(TestServices.ExampleApi("https://auth.example.com/token"));
        await engine.CreateConnectionAsync("example", "ex", Data.ConnectionMode.OwnerCredentials);

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => engine.Resolver.ResolveAsync("ex", TestEngine.Owner, new Uri("https://api.example.com/v1/me")));

        Assert.Equal(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, ConnectionRemedy.Connect) { LinkName = "ex" }, ex.Problem);
        Assert.Equal("Connection 'ex' is not authorized.", ex.Message);
    }
}
