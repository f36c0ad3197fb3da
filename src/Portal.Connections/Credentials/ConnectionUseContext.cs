namespace Portal.Connections.Credentials;

/// <summary>
/// Who asks to use a connection (SEC-33): the running user, whose authorization a shared connection uses, and every piece of
/// code that took part in the run so far. Code called later in the run (a saved function called with standalone.x) is
/// added with <see cref="AddCode"/>; an owner-mode connection then needs all of it to come from people allowed to use it.
/// </summary>
public sealed class ConnectionUseContext
{
    private readonly List<CodeAuthorship> _code = [];
    private readonly Lock _gate = new();

    private ConnectionUseContext(string runningUserId, CodeAuthorship? code, bool isIntegrationBinding)
    {
        ArgumentException.ThrowIfNullOrEmpty(runningUserId);
        RunningUserId = runningUserId;
        IsIntegrationBinding = isIntegrationBinding;
        if (code is not null)
        {
            _code.Add(code);
        }
    }

    public string RunningUserId { get; }

    /// <summary>An admin bound an integration to their own connection: every function may call its tasks (SEC-13).</summary>
    public bool IsIntegrationBinding { get; }

    public IReadOnlyList<CodeAuthorship> Code
    {
        get
        {
            lock (_gate)
            {
                return [.. _code];
            }
        }
    }

    /// <summary>A run of code owned by <paramref name="code"/>'s owner, run by <paramref name="runningUserId"/>.</summary>
    public static ConnectionUseContext ForRun(string runningUserId, CodeAuthorship code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(runningUserId, code, false);
    }

    /// <summary>A person acting directly (the connection page's Test button): they count as owner and author of the request.</summary>
    public static ConnectionUseContext ForUser(string userId) => new(userId, new CodeAuthorship(userId, userId, "your own request"), false);

    /// <summary>An integration task sent with the binding admin's authorization of the connection the admin bound.</summary>
    public static ConnectionUseContext ForIntegrationBinding(string bindingAdminUserId) => new(bindingAdminUserId, null, true);

    public void AddCode(CodeAuthorship code)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_gate)
        {
            if (!_code.Contains(code))
            {
                _code.Add(code);
            }
        }
    }
}
