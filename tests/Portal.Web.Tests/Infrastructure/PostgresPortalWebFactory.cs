using Portal.Web.Data;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>The real portal on a throw-away PostgreSQL database (Database:Provider=PostgreSQL) with a known admin.</summary>
public sealed class PostgresPortalWebFactory : PortalWebFactory
{
    public PostgresPortalWebFactory() => Provider = DatabaseProvider.PostgreSQL;
}
