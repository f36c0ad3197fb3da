using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Credentials;
using Microsoft.Extensions.Options;
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
    ILogger<FunctionRunner> logger,
    Mail.RunMailerFactory? mailers = null,
    IOptions<FunctionRunOptions>? options = null) : IFunctionRunner
{
    private readonly FunctionRunOptions settings = options?.Value ?? new();

    /// <summary>Editor test runs stop after 30 s (src/docs/LANGUAGE.md, "Limits").</summary>
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
        var (functionId, code, parameters, author) = await LoadAsync(request, user, CancellationToken.None);
        var connectionUse = ConnectionUseContext.ForRun(userId, author);
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var arguments = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            arguments[parameter.Name] = request.Values.TryGetValue(parameter.Name, out var value) ? value : ScriptValue.Null;
        }

        var adminUser = await FirstAdminEmailAsync(CancellationToken.None);
        var mailer = mailers?.Create(new Mail.RunMailContext(userId, user.Identity?.Name, functionId, origin, adminUser));
        var host = new ScriptHost
        {
            LoginUser = user.Identity?.Name ?? string.Empty,
            LoginUserId = userId,
            AdminUser = adminUser,
            Mail = mailer,
            TimeProvider = time,
            Http = httpFactory.CreateFor(user, connectionUse),
            Tasks = integrations.CreateFor(user, connectionUse),
            Functions = resolver is SavedFunctionResolver saved ? saved.For(user, connectionUse) : resolver,
        };

        RunResult result;
        try
        {
            ct.ThrowIfCancellationRequested();
            var limits = (origin == FunctionRunOrigin.Editor ? EditorLimits : ScriptLimits.Default) with { MaxMemoryBytes = settings.MaxMemoryMegabytes * 1024L * 1024 };
            result = await ScriptEngine.RunAsync(ScriptEngine.Compile(code, EditorLimits), arguments, host, limits, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = new RunResult { Info = [], Error = new ScriptError("the run was cancelled", 0, 0) };
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "A run of function {FunctionId} failed outside the script engine.", functionId);
            result = new RunResult { Info = [], Error = new ScriptError($"the run failed before it finished ({failure.GetType().Name}: {failure.Message}); try again, and report it if it keeps happening", 0, 0) };
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
            ErrorMessage = status == FunctionRunStatus.Cancelled ? "The run was cancelled before it finished." : result.Error?.Message,
            ErrorLine = result.Error is { Line: > 0 } e ? e.Line : null,
            ErrorColumn = result.Error is { Column: > 0 } c ? c.Column : null,
            Statements = result.StatementsExecuted,
            MailsJson = FunctionMapping.WriteMails(result.Mails),
        };
        try
        {
            entity.InfoJson = FunctionMapping.WriteLines(result.Info);
            entity.ReturnValueJson = RunOutputCaps.ReturnJson(result.ReturnValue, settings.MaxReturnCharacters);
            // Each entry was redacted once by whoever built it; only the engine's own entries are redacted here (SEC-20, SEC-35).
            entity.HttpTraceJson = RunOutputCaps.Trace([.. result.HttpCalls.Select(t => t.Redacted ? t : HttpTraceRedactor.Redact(t))], settings.MaxTraceCharacters);
        }
        catch (Exception output) when (output is not OperationCanceledException)
        {
            // The run happened: it is recorded without the output that could not be written down (SEC-37).
            logger.LogWarning(output, "The output of a run of function {FunctionId} could not be serialized.", functionId);
            Fail(entity, $"the run's output could not be kept ({output.GetType().Name}: {output.Message})");
        }

        await RecordAsync(entity, user, functionId, origin, mailer);
        return FunctionMapping.ToRecord(entity);
    }

    // The run is recorded even when the caller cancelled it, and when its output is too large for the database (SEC-37).
    private async Task RecordAsync(FunctionRunEntity entity, ClaimsPrincipal user, int? functionId, FunctionRunOrigin origin, Mail.RunMailer? mailer)
    {
        try
        {
            try
            {
                await SaveAsync(entity);
            }
            catch (Exception tooBig) when (!DatabaseBusy.Is(tooBig))
            {
                logger.LogWarning(tooBig, "The run of function {FunctionId} could not be stored with its output; storing it without.", functionId);
                Fail(entity, $"the database refused to store the run's output ({(tooBig.InnerException ?? tooBig).Message})");
                entity.Id = 0;
                await SaveAsync(entity);
            }

            await (mailer?.AttachToRunAsync(entity.Id, CancellationToken.None) ?? Task.CompletedTask);

            await pruner.PruneAsync(CancellationToken.None);
            await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Run, "function", functionId?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{entity.Status} ({origin})", CancellationToken.None);
        }
        catch (Exception busy) when (DatabaseBusy.Is(busy))
        {
            // The script has run and its HTTP calls were made: the caller gets the result (a failure here would invite a
            // second run), and the log keeps what the history row and the audit entry would have said.
            logger.LogWarning(
                "Run of function {FunctionId} by {User} ({Origin}) finished {Status} in {DurationMs} ms but the database was busy, so it is missing from the run history and the audit log.",
                functionId, user.Identity?.Name, origin, entity.Status, entity.DurationMs);
        }
        catch (Exception other)
        {
            // Never a 500 for a run that happened: the caller still gets its result.
            logger.LogError(other,
                "Run of function {FunctionId} by {User} ({Origin}) finished {Status} in {DurationMs} ms but could not be recorded in the run history and the audit log.",
                functionId, user.Identity?.Name, origin, entity.Status, entity.DurationMs);
        }
    }

    private async Task SaveAsync(FunctionRunEntity entity)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.FunctionRuns.Add(entity);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static void Fail(FunctionRunEntity entity, string reason)
    {
        entity.Status = FunctionRunStatus.Failed;
        entity.InfoJson = "[]";
        entity.ReturnValueJson = null;
        entity.HttpTraceJson = "[]";
        entity.ErrorMessage = $"{reason}; the run itself {(entity.ErrorMessage is null ? "finished" : $"ended with: {entity.ErrorMessage}")}. " +
            "Return and log less data (for example a page or a summary), then run it again.";
    }

    private async Task<(int? FunctionId, string Code, IReadOnlyList<FunctionArgument> Parameters, CodeAuthorship Author)> LoadAsync(
        FunctionRunRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (request.FunctionId is not { } id)
        {
            return (null, request.Code ?? string.Empty, request.Arguments ?? [],
                await FunctionCodeAuthors.ForUnsavedAsync(db, user, null, FunctionPermissions.UserId(user), ct));
        }

        var function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new InvalidOperationException("This function no longer exists. Go back to the functions list and refresh it.");
        if (!FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility))
        {
            throw new UnauthorizedAccessException("This function is private to its owner. Ask them to share it.");
        }

        // Only people who may change the function (SEC-36) can run code that differs from what is saved; that code is theirs (SEC-33).
        var saved = FunctionMapping.ReadArguments(function.ArgumentsJson);
        var mayChange = FunctionPermissions.CanManage(user, function.OwnerUserId);
        var code = request.Code is not null && mayChange ? request.Code : function.Code;
        var parameters = request.Arguments is not null && mayChange ? request.Arguments : saved;
        var author = code == function.Code && parameters.SequenceEqual(saved)
            ? await FunctionCodeAuthors.ForSavedAsync(db, id, function.ApiName, function.OwnerUserId, ct)
            : await FunctionCodeAuthors.ForUnsavedAsync(db, user, function.ApiName, function.OwnerUserId, ct);
        return (id, code, parameters, author);
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
