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

namespace Portal.Web.Functions.Running;

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
    IOptions<FunctionRunOptions>? options = null,
    FunctionRunRecorder? runRecorder = null,
    FunctionRunCache? runCache = null) : IFunctionRunner
{
    private readonly FunctionRunOptions settings = options?.Value ?? new();

    // The host shares one of each; a runner built on its own (tests) has its own.
    private readonly FunctionRunRecorder recorder = runRecorder ?? new FunctionRunRecorder(dbFactory, pruner, time, logger, options?.Value.DurableRunCommits ?? false);
    private readonly FunctionRunCache cache = runCache ?? new FunctionRunCache(dbFactory);

    /// <summary>Editor test runs stop after 30 s (src/docs/LANGUAGE.md, "Limits").</summary>
    public static ScriptLimits EditorLimits { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<FunctionRunRecord> RunAsync(FunctionRunRequest request, ClaimsPrincipal user, FunctionRunOrigin origin, CancellationToken ct = default)
    {
        var userId = FunctionPermissions.UserId(user);
        if (!FunctionPermissions.CanRun(user))
        {
            throw new UnauthorizedAccessException("Only signed-in portal members can run functions. Ask an admin for access.");
        }

        var (entered, refusal) = await gate.TryEnterAsync(userId, CancellationToken.None);
        await using var lease = entered ?? throw new InvalidOperationException(refusal);

        // Loading is quick and not cancelled, so even a run cancelled at once is recorded.
        var (functionId, script, parameters, author) = await LoadAsync(request, user, CancellationToken.None);
        var connectionUse = ConnectionUseContext.ForRun(userId, author);
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var arguments = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            arguments[parameter.Name] = request.Values.TryGetValue(parameter.Name, out var value) ? value : ScriptValue.Null;
        }

        var adminUser = await cache.FirstAdminEmailAsync(CancellationToken.None);
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
            result = await ScriptEngine.RunAsync(script(), arguments, host, limits, ct);
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
        var entry = audit.Entry(AuditActor.From(user), FunctionAuditActions.Run, "function", functionId?.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditDetails(entity));
        await recorder.RecordAsync(entity, entry);
        if (entity.Id == 0 || mailer is null)
        {
            return;
        }

        try
        {
            await mailer.AttachToRunAsync(entity.Id, CancellationToken.None);
        }
        catch (Exception other)
        {
            logger.LogWarning(other, "The mails of run {RunId} of function {FunctionId} could not be linked to it in the Outbox.", entity.Id, functionId);
        }
    }

    /// <summary>The audit entry's details for a run: its final status and where it was started from.</summary>
    internal static string AuditDetails(FunctionRunEntity entity) => $"{entity.Status} ({entity.Origin})";

    internal static void Fail(FunctionRunEntity entity, string reason)
    {
        entity.Status = FunctionRunStatus.Failed;
        entity.InfoJson = "[]";
        entity.ReturnValueJson = null;
        entity.HttpTraceJson = "[]";
        entity.ErrorMessage = $"{reason}; the run itself {(entity.ErrorMessage is null ? "finished" : $"ended with: {entity.ErrorMessage}")}. " +
            "Return and log less data (for example a page or a summary), then run it again.";
    }

    private async Task<(int? FunctionId, Func<CompiledScript> Script, IReadOnlyList<FunctionArgument> Parameters, CodeAuthorship Author)> LoadAsync(
        FunctionRunRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.FunctionId is not { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var unsaved = request.Code ?? string.Empty;
            return (null, () => ScriptEngine.Compile(unsaved, EditorLimits), request.Arguments ?? [],
                await FunctionCodeAuthors.ForUnsavedAsync(db, user, null, FunctionPermissions.UserId(user), ct));
        }

        var function = await cache.GetAsync(id, ct)
            ?? throw new InvalidOperationException("This function no longer exists. Go back to the functions list and refresh it.");
        if (!FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility))
        {
            throw new UnauthorizedAccessException("This function is private to its owner. Ask them to share it.");
        }

        // Only people who may change the function (SEC-36) can run code that differs from what is saved; that code is theirs (SEC-33).
        var mayChange = FunctionPermissions.CanManage(user, function.OwnerUserId);
        var code = request.Code is not null && mayChange ? request.Code : function.Code;
        var parameters = request.Arguments is not null && mayChange ? request.Arguments : function.Arguments;
        if (code == function.Code && parameters.SequenceEqual(function.Arguments))
        {
            // The saved version: compiled once, its authorship read once, until it changes.
            return (id, () => cache.Compile(id, code), parameters, await cache.AuthorsAsync(function, ct));
        }

        await using var changes = await dbFactory.CreateDbContextAsync(ct);
        return (id, () => ScriptEngine.Compile(code, EditorLimits), parameters,
            await FunctionCodeAuthors.ForUnsavedAsync(changes, user, function.ApiName, function.OwnerUserId, ct));
    }
}
