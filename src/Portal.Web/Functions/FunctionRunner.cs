using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Scripting;
using Portal.Scripting.Values;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Functions;

internal sealed class FunctionRunner(
    IDbContextFactory<PortalDbContext> dbFactory,
    IFunctionHttpInvokerFactory httpFactory,
    Integrations.IIntegrationTaskInvokerFactory integrations,
    IFunctionResolver resolver,
    FunctionRunPruner pruner,
    FunctionRunGate gate,
    AuditLog audit,
    TimeProvider time,
    ILogger<FunctionRunner> logger) : IFunctionRunner
{
    /// <summary>Editor test runs stop after 30 s (DELUGE.md "Limits").</summary>
    public static ScriptLimits EditorLimits { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<FunctionRunRecord> RunAsync(FunctionRunRequest request, ClaimsPrincipal user, FunctionRunOrigin origin, CancellationToken ct = default)
    {
        var userId = FunctionPermissions.UserId(user);
        if (!FunctionPermissions.CanRun(user))
        {
            throw new UnauthorizedAccessException("Only signed-in portal members can run functions. Ask an admin for access.");
        }

        using var lease = gate.TryEnter(userId, out var refusal) ?? throw new InvalidOperationException(refusal);

        // Loading is quick and not cancelled, so even a run cancelled at once is recorded.
        var (functionId, code, parameters) = await LoadAsync(request, user, CancellationToken.None);
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var arguments = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            arguments[parameter.Name] = request.Values.TryGetValue(parameter.Name, out var value) ? value : ScriptValue.Null;
        }

        var host = new ScriptHost
        {
            LoginUser = user.Identity?.Name ?? string.Empty,
            LoginUserId = userId,
            AdminUser = await FirstAdminEmailAsync(CancellationToken.None),
            TimeProvider = time,
            Http = httpFactory.CreateFor(user),
            Tasks = integrations.CreateFor(user),
            Functions = resolver is SavedFunctionResolver saved ? saved.For(user) : resolver,
        };

        RunResult result;
        try
        {
            ct.ThrowIfCancellationRequested();
            result = await ScriptEngine.RunAsync(ScriptEngine.Compile(code, EditorLimits), arguments, host, origin == FunctionRunOrigin.Editor ? EditorLimits : ScriptLimits.Default, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = new RunResult { Info = [], Error = new ScriptError("the run was cancelled", 0, 0) };
        }

        var status = result.Success ? FunctionRunStatus.Succeeded : ct.IsCancellationRequested ? FunctionRunStatus.Cancelled : FunctionRunStatus.Failed;
        var entity = new FunctionRunEntity
        {
            FunctionId = functionId,
            UserId = userId,
            UserEmail = user.Identity?.Name,
            StartedAt = startedAt,
            DurationMs = (long)stopwatch.Elapsed.TotalMilliseconds,
            Status = status,
            Origin = origin,
            InfoJson = FunctionMapping.WriteLines(result.Info),
            ReturnValueJson = result.ReturnValue?.ToJson(),
            ErrorMessage = status == FunctionRunStatus.Cancelled ? "The run was cancelled before it finished." : result.Error?.Message,
            ErrorLine = result.Error is { Line: > 0 } e ? e.Line : null,
            ErrorColumn = result.Error is { Column: > 0 } c ? c.Column : null,
            HttpTraceJson = FunctionMapping.WriteTrace([.. result.HttpCalls.Select(t => t.Redacted ? t : HttpTraceRedactor.Redact(t))]),
            Statements = result.StatementsExecuted,
        };

        // The run is recorded even when the caller cancelled it.
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
            {
                db.FunctionRuns.Add(entity);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await pruner.PruneAsync(CancellationToken.None);
            await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Run, "function", functionId?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status} ({origin})", CancellationToken.None);
        }
        catch (Exception busy) when (DatabaseBusy.Is(busy))
        {
            // The script has run and its HTTP calls were made: the caller gets the result (a failure here would invite a
            // second run), and the log keeps what the history row and the audit entry would have said.
            logger.LogWarning(
                "Run of function {FunctionId} by {User} ({Origin}) finished {Status} in {DurationMs} ms but the database was busy, so it is missing from the run history and the audit log.",
                functionId, user.Identity?.Name, origin, status, entity.DurationMs);
        }

        return FunctionMapping.ToRecord(entity);
    }

    private async Task<(int? FunctionId, string Code, IReadOnlyList<FunctionArgument> Parameters)> LoadAsync(FunctionRunRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.FunctionId is not { } id)
        {
            return (null, request.Code ?? string.Empty, request.Arguments ?? []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new InvalidOperationException("This function no longer exists. Go back to the functions list and refresh it.");
        if (!FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility))
        {
            throw new UnauthorizedAccessException("This function is private to its owner. Ask them to share it.");
        }

        // Only people who may edit can run code that differs from what is saved.
        var code = request.Code is not null && FunctionPermissions.CanEdit(user) ? request.Code : function.Code;
        var parameters = request.Arguments is not null && FunctionPermissions.CanEdit(user) ? request.Arguments : FunctionMapping.ReadArguments(function.ArgumentsJson);
        return (id, code, parameters);
    }

    private async Task<string> FirstAdminEmailAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var admins = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin
                            select new { u.Email, u.CreatedAt }).ToListAsync(ct);
        return admins.OrderBy(a => a.CreatedAt).ThenBy(a => a.Email, StringComparer.Ordinal).Select(a => a.Email).FirstOrDefault() ?? string.Empty;
    }
}
