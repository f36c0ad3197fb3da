using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Web.Data;

/// <summary>
/// Sees every command EF Core sends (SaveChanges, ExecuteUpdate/Delete, raw SQL, Identity's stores) and raises
/// <see cref="DataChanges"/> for the cached tables a write touched: at once for a command outside a transaction, and
/// again when its transaction commits, so a reader never caches a row read before the commit under the new counter.
/// </summary>
internal sealed class DataChangeInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static DataChangeInterceptor Instance { get; } = new();

    private static readonly (string Table, DataTables Group)[] Watched =
    [
        ("\"AspNetUsers\"", DataTables.Identity),
        ("\"AspNetUserRoles\"", DataTables.Identity),
        ("\"AspNetRoles\"", DataTables.Identity),
        ("\"Functions\"", DataTables.Functions),
        ("\"FunctionVersions\"", DataTables.Functions),
        ("\"Connections\"", DataTables.Connections),
        ("\"ConnectionAuthorizations\"", DataTables.Connections),
        ("\"ConnectionServices\"", DataTables.Connections),
        ("\"ConnectionUseGrants\"", DataTables.Connections),
    ];

    private readonly ConditionalWeakTable<DbTransaction, StrongBox<DataTables>> pending = [];

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Written(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Written(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Written(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Written(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Written(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Written(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <summary>The cached groups a command writes to; queries (which start with SELECT) write nothing.</summary>
    internal static DataTables Touched(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !start.Contains(';'))
        {
            return DataTables.None;
        }

        var touched = DataTables.None;
        foreach (var (table, group) in Watched)
        {
            if (text.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                touched |= group;
            }
        }

        return touched;
    }

    private void Written(DbCommand command)
    {
        var touched = Touched(command.CommandText);
        if (touched == DataTables.None)
        {
            return;
        }

        DataChanges.Changed(touched);
        if (command.Transaction is { } transaction)
        {
            var box = pending.GetValue(transaction, _ => new StrongBox<DataTables>());
            lock (box)
            {
                box.Value |= touched;
            }
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (pending.TryGetValue(transaction, out var box))
        {
            pending.Remove(transaction);
            DataChanges.Changed(box.Value);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Remove(transaction);
        return Task.CompletedTask;
    }
}
