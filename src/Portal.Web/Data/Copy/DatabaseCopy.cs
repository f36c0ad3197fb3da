using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Portal.Web.Data.Copy;

/// <summary>
/// Copies a SQLite portal database into an empty PostgreSQL one: migrates the target with the PostgreSQL migration
/// set, copies every table of the EF model in foreign-key order and Quartz's schedule tables, all in one transaction,
/// then moves each identity sequence past the copied keys. Ciphertexts (secrets, the key ring) are copied as they are,
/// so the PostgreSQL instances must use the same Data Protection certificate as the SQLite one.
/// </summary>
public sealed class DatabaseCopy(string sqliteConnectionString, string postgresConnectionString, TextWriter log)
{
    private const int Batch = 500;

    /// <summary>Runs the copy; throws <see cref="DatabaseCopyException"/> with a plain message when it cannot.</summary>
    public async Task<IReadOnlyList<(string Table, int Rows)>> RunAsync(CancellationToken ct = default)
    {
        // Its own EF service providers (no caching): a model cached by another context in the same process, built with
        // other Identity options, would lack tables (passkeys) and make the copy incomplete.
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        var sourceFile = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        if (!File.Exists(sourceFile))
        {
            throw new DatabaseCopyException($"The SQLite database '{sourceFile}' does not exist; pass --from \"Data Source=PATH/portal.db\".");
        }

        await using var source = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(sqliteConnectionString).UseApplicationServiceProvider(services).EnableServiceProviderCaching(false).Options);
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new DatabaseCopyException("The SQLite database is older than this portal; start this version of the portal on it once so it is migrated, then copy.");
        }

        await using var target = new PostgresPortalDbContext(new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(postgresConnectionString).UseApplicationServiceProvider(services).EnableServiceProviderCaching(false).Options);
        await target.Database.MigrateAsync(ct);
        var tables = OrderedEntityTypes(target.Model);
        foreach (var type in tables)
        {
            var table = type.GetTableName()!;
            // The table name comes from the portal's own model, not from input.
#pragma warning disable EF1003
            var existing = await target.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"" + table + "\"").SingleAsync(ct);
#pragma warning restore EF1003
            if (existing > 0)
            {
                throw new DatabaseCopyException($"The target database is not empty (table \"{table}\" holds {existing} rows). Copy into a new, empty database.");
            }
        }

        target.ChangeTracker.AutoDetectChangesEnabled = false;
        var copied = new List<(string, int)>();
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var type in tables)
        {
            var rows = await CopyTableAsync(source, target, type, ct);
            copied.Add((type.GetTableName()!, rows));
            await log.WriteLineAsync($"copied {rows} rows of {type.GetTableName()}");
        }

        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        copied.AddRange(await new QuartzTablesCopy(sqliteConnectionString, connection, npgsqlTransaction, log).RunAsync(ct));
        await ResetSequencesAsync(connection, npgsqlTransaction, ct);
        await transaction.CommitAsync(ct);
        return copied;
    }

    /// <summary>Principals before dependents, so every foreign key finds its row; owned types travel with their owner.</summary>
    internal static IReadOnlyList<IEntityType> OrderedEntityTypes(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null && t.FindPrimaryKey() is not null).ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType type)
        {
            if (ordered.Contains(type) || !visiting.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(f => f.PrincipalEntityType.GetRootType()).Where(p => p != type && types.Contains(p)))
            {
                Visit(principal);
            }

            ordered.Add(type);
        }

        foreach (var type in types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;
    }

    private static async Task<int> CopyTableAsync(PortalDbContext source, PortalDbContext target, IEntityType type, CancellationToken ct)
    {
        var query = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(source, null)!;
        var rows = 0;
        var pending = 0;
        await foreach (var entity in query.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            ToUtc(entity, type);
            target.Add(entity);
            rows++;
            if (++pending == Batch)
            {
                await target.SaveChangesAsync(ct);
                target.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>PostgreSQL's timestamptz takes only UTC offsets; SQLite kept whatever offset was written.</summary>
    private static void ToUtc(object entity, IEntityType type)
    {
        foreach (var property in type.GetProperties().Where(p => p.PropertyInfo is not null && (p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))))
        {
            if (property.PropertyInfo!.GetValue(entity) is DateTimeOffset value && value.Offset != TimeSpan.Zero && property.PropertyInfo.CanWrite)
            {
                property.PropertyInfo.SetValue(entity, value.ToUniversalTime());
            }
        }
    }

    /// <summary>Rows were inserted with their own ids; each identity sequence continues after the largest.</summary>
    private static async Task ResetSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')",
            connection, transaction))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                connection, transaction);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>A copy that cannot go ahead, with a message saying why and what to do.</summary>
public sealed class DatabaseCopyException(string message) : Exception(message);
