namespace Portal.Connections;

/// <summary>
/// The host's words for what the engine reports: the sentence that tells the reader what to do about a
/// <see cref="ConnectionProblem"/>, and where a connection is managed. Register your own to name your pages and menus; the
/// default names none.
/// </summary>
public interface IConnectionsWording
{
    /// <summary>The sentence (or sentences) saying what fixes <paramref name="problem"/>; empty when nothing can be done.</summary>
    string Remedy(ConnectionProblem problem);

    /// <summary>
    /// The host's page for the connection <paramref name="linkName"/>, or its list of connections when that is null (relative
    /// URLs); null when the host has no such page.
    /// </summary>
    string? ConnectionPage(string? linkName);
}

public static class ConnectionsWordingExtensions
{
    /// <summary>What happened and what fixes it: the exception's message followed by the host's remedy.</summary>
    public static string Describe(this IConnectionsWording wording, ConnectionsException exception)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(exception);
        return Join(exception.Message, wording.Remedy(exception.Problem));
    }

    /// <summary>What happened (<paramref name="happened"/>) and what fixes <paramref name="problem"/>.</summary>
    public static string Describe(this IConnectionsWording wording, string happened, ConnectionProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return problem is null ? happened : Join(happened, wording.Remedy(problem));
    }

    private static string Join(string happened, string remedy) =>
        remedy.Length == 0 ? happened : $"{happened.TrimEnd()}{(happened.TrimEnd().EndsWith('.') ? "" : ".")} {remedy}";
}

/// <summary>The library's own words: remedies without any page, menu or link.</summary>
internal sealed class NeutralConnectionsWording : IConnectionsWording
{
    public string? ConnectionPage(string? linkName) => null;

    public string Remedy(ConnectionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var ask = problem.Actor switch { ConnectionActor.Owner => "Ask the connection's owner to ", ConnectionActor.Admin => "Ask an admin to ", _ => "" };
        string Act(string verb) => ask.Length == 0 ? char.ToUpperInvariant(verb[0]) + verb[1..] : ask + verb;
        return problem.Remedy switch
        {
            ConnectionRemedy.CheckLinkName => "Check the link name.",
            ConnectionRemedy.Connect => Act("authorize the connection."),
            ConnectionRemedy.Reconnect => Act("authorize the connection again."),
            ConnectionRemedy.EnterCredentials => Act("enter the connection's credentials again."),
            ConnectionRemedy.EnableService => "Ask an admin to enable the service.",
            ConnectionRemedy.SetUpService => "Ask an admin to set up the service.",
            ConnectionRemedy.FixClientCredentials => "Ask an admin to check the service's client id and secret.",
            ConnectionRemedy.CreateAgain => "Create the connection again.",
            _ => "",
        };
    }
}
