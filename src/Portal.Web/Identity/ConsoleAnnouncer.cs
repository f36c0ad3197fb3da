namespace Portal.Web.Identity;

/// <summary>Writes one-time notices (such as a generated admin password) to the console, outside every log sink.</summary>
public class ConsoleAnnouncer
{
    public virtual void Announce(string message) => Console.Out.WriteLine(message);
}
