namespace Portal.Connections.Management;

public enum ConnectionListScope
{
    /// <summary>Connections the user owns.</summary>
    My,

    /// <summary>Other users' connections in "use credentials of login user" mode.</summary>
    Shared,

    /// <summary>Every connection (Admins only; others get My + Shared).</summary>
    All,
}
