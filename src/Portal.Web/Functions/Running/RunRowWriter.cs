using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Web.Audit;
using Portal.Web.Data;

namespace Portal.Web.Functions.Running;

/// <summary>
/// Inserts a batch of runs and their audit entries in one transaction with two commands built once and reused for every
/// row: SaveChanges generated, parsed and planned new SQL for every batch, a third of a run's CPU (issue #18). Columns,
/// conversions (Unix milliseconds, enum names) and parameter types come from the EF model and provider, so each row is
/// what SaveChanges would write, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class RunRowWriter(PortalDbContext db) : IAsyncDisposable
{
    private readonly RowInsert runs = RowInsert.For(db, typeof(FunctionRunEntity));
    private readonly RowInsert audits = RowInsert.For(db, typeof(AuditEvent));

    /// <summary>Stores every pair and sets their ids; nothing is stored when it throws.</summary>
    public async Task WriteAsync(IEnumerable<(FunctionRunEntity Run, AuditEvent Audit)> batch)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var written = new List<(FunctionRunEntity Run, AuditEvent Audit, long RunId, long AuditId)>();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (run, audit) in batch)
            {
                written.Add((run, audit, await runs.InsertAsync(connection, transaction, run), await audits.InsertAsync(connection, transaction, audit)));
            }

            await transaction.CommitAsync();
        }

        // Ids only once they exist: a rolled-back batch leaves its rows as they were, to be stored one by one.
        foreach (var (run, audit, runId, auditId) in written)
        {
            run.Id = runId;
            audit.Id = auditId;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await runs.DisposeAsync();
        await audits.DisposeAsync();
    }

    /// <summary>INSERT … RETURNING the generated key, for one entity type, with its command kept for the next row.</summary>
    private sealed class RowInsert(string sql, (IProperty Property, RelationalTypeMapping Mapping, string Name)[] columns) : IAsyncDisposable
    {
        private DbCommand? command;

        public static RowInsert For(DbContext db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties().Where(p => p != key)
                .Select((p, i) => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), $"p{i}"))
                .ToArray();
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Item1.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterNamePlaceholder(c.Item3)))}) " +
                $"RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
            return new RowInsert(text, [.. columns.Select(c => (c.Item1, c.Item2, sql.GenerateParameterName(c.Item3)))]);
        }

        public async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, object row)
        {
            if (command is null)
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
            }

            command.Transaction = transaction;
            command.Parameters.Clear();
            foreach (var (property, mapping, name) in columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValueUsingContainingEntity(row), property.IsNullable));
            }

            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }
}
