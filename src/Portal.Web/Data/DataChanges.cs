namespace Portal.Web.Data;

/// <summary>Groups of tables whose rows the run path caches; a write to any of them makes those caches read again.</summary>
[Flags]
public enum DataTables
{
    None = 0,

    /// <summary>AspNetUsers, AspNetUserRoles, AspNetRoles: who exists, their email, roles and admin lock.</summary>
    Identity = 1,

    /// <summary>Functions and FunctionVersions: code, arguments, visibility, API keys and who saved what.</summary>
    Functions = 2,

    /// <summary>Connections, ConnectionAuthorizations, ConnectionServices, ConnectionUseGrants: who may use which credential, and the credential.</summary>
    Connections = 4,
}

/// <summary>
/// One counter per table group, raised by <see cref="DataChangeInterceptor"/> after every committed write to it from this
/// process. A cache stamps what it read with <see cref="Generation"/> taken before reading and trusts it only while the
/// counter is unchanged. Counters are process-wide: a write through one host's database invalidates every host's caches
/// in the process, which costs a reload and is never stale.
/// </summary>
public static class DataChanges
{
    private static long identity;
    private static long functions;
    private static long connections;

    /// <summary>The sum of the groups' counters; it grows whenever any of them does.</summary>
    public static long Generation(DataTables tables) =>
        ((tables & DataTables.Identity) != 0 ? Volatile.Read(ref identity) : 0)
        + ((tables & DataTables.Functions) != 0 ? Volatile.Read(ref functions) : 0)
        + ((tables & DataTables.Connections) != 0 ? Volatile.Read(ref connections) : 0);

    public static void Changed(DataTables tables)
    {
        if ((tables & DataTables.Identity) != 0)
        {
            Interlocked.Increment(ref identity);
        }

        if ((tables & DataTables.Functions) != 0)
        {
            Interlocked.Increment(ref functions);
        }

        if ((tables & DataTables.Connections) != 0)
        {
            Interlocked.Increment(ref connections);
        }
    }
}
