namespace Portal.Web.Data;

/// <summary>The database engine named by <c>Database:Provider</c>; <c>ConnectionStrings:Portal</c> is in its syntax.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file beside the app (the default): one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by one or more instances.</summary>
    PostgreSQL,
}

/// <summary>Reads <c>Database:Provider</c> from configuration.</summary>
public static class DatabaseProviders
{
    public const string ConfigurationKey = "Database:Provider";

    public static DatabaseProvider FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return configured.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSQL,
            _ => throw new InvalidOperationException(
                $"{ConfigurationKey} is '{configured}', which is not a database the portal supports. Use Sqlite or PostgreSQL."),
        };
    }
}
