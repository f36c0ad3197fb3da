using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>What EF Core throws when SQLite stayed locked past the connection's wait (as <c>DatabaseBusyTests</c> provokes for real).</summary>
public static class BusyDatabase
{
    public static DbUpdateException SaveFailure() =>
        new("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 5: 'database is locked'.", 5));
}
