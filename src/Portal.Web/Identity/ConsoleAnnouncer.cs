namespace Portal.Web.Identity;

/// <summary>
/// Writes one-time notices (such as a generated admin password) to the console, outside every log sink. Notices wait
/// until <see cref="Release"/> (the host has started) so they come after the startup log lines instead of scrolling away.
/// </summary>
public class ConsoleAnnouncer
{
    private readonly Lock gate = new();
    private readonly List<string> pending = [];
    private bool released;

    public virtual void Announce(string message)
    {
        lock (gate)
        {
            if (!released)
            {
                pending.Add(message);
                return;
            }
        }

        Write(message);
    }

    /// <summary>Writes the held notices and every later one at once.</summary>
    public void Release()
    {
        string[] held;
        lock (gate)
        {
            released = true;
            held = [.. pending];
            pending.Clear();
        }

        foreach (var message in held)
        {
            Write(message);
        }
    }

    protected virtual void Write(string message) => Console.Out.WriteLine(message);
}
