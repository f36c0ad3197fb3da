using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Connections;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Scripting;
using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Integrations;

/// <summary>
/// Runs one task call: checks the arguments, picks the bound admin's authorization (or the trailing connection argument's,
/// like invokeUrl), sends the request, audits it and extracts the value the way Deluge returns it.
/// </summary>
internal sealed class IntegrationExecutor(
    IDbContextFactory<PortalDbContext> dbFactory,
    IIntegrationServiceDirectory services,
    IIntegrationHttpInvokerFactory http,
    IConnectionUseCheck connectionUse,
    AuditLog audit,
    TimeProvider time)
{
    public const string AdminPagePath = "/admin/integrations";

    /// <exception cref="ScriptHostException">A clear, catchable error (unbound pack, missing authorization, bad argument, network).</exception>
    public async Task<HostTaskResult> ExecuteAsync(IntegrationPack pack, IntegrationTask task, IReadOnlyList<ScriptValue> arguments, IntegrationRunner runner, CancellationToken ct)
    {
        var bound = IntegrationArguments.Bind(pack, task, arguments);
        var target = bound.ConnectionLinkName is { } link
            ? await OverrideTargetAsync(pack, link, runner, ct)
            : await BoundTargetAsync(pack, task, ct);
        var built = IntegrationRequestBuilder.Build(task, bound);
        var request = new HttpInvocationRequest
        {
            Method = built.Method,
            Url = target.BaseUrl + built.RelativeUrl,
            Headers = [new("Accept", "application/json")],
            Body = built.JsonBody,
            BodyBytes = built.MultipartBody,
            BodyPreview = built.MultipartPreview,
            ContentType = built.MultipartContentType ?? (built.JsonBody is null ? null : "application/json"),
            ConnectionLinkName = target.LinkName,
        };

        var started = time.GetTimestamp();
        var response = await http.CreateFor(target.ConnectionUse).InvokeAsync(request, ct);
        if (response.Failure is { } failure)
        {
            var failed = (response.Trace ?? Trace(request, target, time.GetElapsedTime(started)) with { Error = failure.Message }) with { RanAs = target.RanAs };
            await AuditAsync(pack, task, target, runner, "failed before an answer arrived");
            throw new ScriptHostException(FailureMessage(pack, task, target, failure.Message), [failed]);
        }

        var entry = (response.Trace ?? Trace(request, target, time.GetElapsedTime(started)) with
        {
            StatusCode = response.StatusCode,
            ResponseBodyPreview = HttpTraceEntry.Preview(response.Body),
        }) with { RanAs = target.RanAs };
        await AuditAsync(pack, task, target, runner, $"HTTP {response.StatusCode.ToString(CultureInfo.InvariantCulture)}");
        return HostTaskResult.Of(IntegrationResponseReader.Read(pack, task, response.StatusCode, response.Body), [entry]);
    }

    /// <summary>The binding's connection, run with the binding admin's authorization; errors say how an admin fixes it.</summary>
    private async Task<IntegrationTarget> BoundTargetAsync(IntegrationPack pack, IntegrationTask task, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var binding = await db.IntegrationBindings.AsNoTracking().FirstOrDefaultAsync(b => b.Namespace == pack.Namespace, ct);
        var connection = binding is null ? null : await db.Set<ConnectionEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == binding.ConnectionId, ct);
        if (binding is null || connection is null)
        {
            throw new ScriptHostException(
                $"integration {pack.Namespace} is not set up, so {pack.Namespace}.{task.Name} cannot run: an admin must bind it to a {pack.DisplayName} connection under Users & Control › Integrations ({AdminPagePath}). " +
                "Or pass a connection name as the last argument to use your own authorization.");
        }

        if (!await db.IsActiveAdminAsync(binding.AuthorizationUserId, ct))
        {
            throw new ScriptHostException(
                $"integration {pack.Namespace} cannot run: {binding.AuthorizationUserEmail}, whose authorization it is bound to, is no longer an active admin. " +
                $"An admin must open Users & Control › Integrations ({AdminPagePath}) and re-bind {pack.Namespace} with their own authorization.");
        }

        var authorization = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.ConnectionId == connection.Id && a.UserId == binding.AuthorizationUserId, ct);
        if (authorization is not { Status: AuthorizationStatus.Connected })
        {
            var state = authorization is null ? "has not authorized" : "must re-authorize";
            throw new ScriptHostException(
                $"integration {pack.Namespace} cannot run: the admin {binding.AuthorizationUserEmail} {state} connection '{connection.LinkName}' it is bound to. " +
                $"An admin must open Users & Control › Integrations ({AdminPagePath}) and authorize or re-bind {pack.Namespace}.");
        }

        var baseUrl = await BaseUrlAsync(pack, connection, authorization, ct);
        return new IntegrationTarget(connection.LinkName, ConnectionUseContext.ForIntegrationBinding(binding.AuthorizationUserId), baseUrl,
            $"admin ({binding.AuthorizationUserEmail}) via integration {pack.Namespace}", true, binding.AuthorizationUserEmail);
    }

    /// <summary>Zoho's trailing connection argument: that connection as invokeUrl would use it, with the same rule (SEC-33).</summary>
    private async Task<IntegrationTarget> OverrideTargetAsync(IntegrationPack pack, string linkName, IntegrationRunner runner, CancellationToken ct)
    {
        ConnectionEntity connection;
        try
        {
            // First, so a missing connection and one this run may not use answer alike, before its service can show below.
            connection = await connectionUse.RequireUsableAsync(linkName, runner.ConnectionUse, ct);
        }
        catch (ConnectionsException refused)
        {
            throw new ScriptHostException($"{pack.Namespace}: {refused.Message}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!pack.Services.Contains(connection.ServiceId, StringComparer.Ordinal))
        {
            throw new ScriptHostException($"{pack.Namespace} cannot use connection '{linkName}': it connects to service '{connection.ServiceId}', but {pack.Namespace} needs one of {string.Join(", ", pack.Services)}");
        }

        var effectiveUser = connection.Mode == ConnectionMode.OwnerCredentials ? connection.OwnerUserId : runner.UserId;
        var authorization = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.ConnectionId == connection.Id && a.UserId == effectiveUser, ct);
        var baseUrl = await BaseUrlAsync(pack, connection, authorization, ct);
        var who = connection.Mode == ConnectionMode.OwnerCredentials ? "its owner's authorization" : $"{runner.Email ?? "the running user"}'s own authorization";
        return new IntegrationTarget(linkName, runner.ConnectionUse, baseUrl, $"connection \"{linkName}\" ({who}) via integration {pack.Namespace}", false, null);
    }

    /// <summary>api_domain from the token response plus the pack's path, else the service's API origin plus that path.</summary>
    private async Task<string> BaseUrlAsync(IntegrationPack pack, ConnectionEntity connection, ConnectionAuthorizationEntity? authorization, CancellationToken ct)
    {
        if (authorization?.ApiDomain is { } domain)
        {
            return domain.TrimEnd('/') + pack.ApiPath;
        }

        var service = await services.FindAsync(connection.ServiceId, ct);
        var first = service?.AllowedApiBaseUrls is [var firstUrl, ..] ? firstUrl : null;
        if (first is null || !Uri.TryCreate(first, UriKind.Absolute, out var api))
        {
            throw new ScriptHostException($"integration {pack.Namespace} cannot find the API address of service '{connection.ServiceId}'; an admin should check the service under Users & Control › Services (/admin/services)");
        }

        return pack.ApiPath.StartsWith(api.AbsolutePath, StringComparison.Ordinal)
            ? api.GetLeftPart(UriPartial.Authority) + pack.ApiPath
            : first.TrimEnd('/') + pack.ApiPath;
    }

    private async Task AuditAsync(IntegrationPack pack, IntegrationTask task, IntegrationTarget target, IntegrationRunner runner, string outcome)
    {
        if (!target.AsAdmin)
        {
            return;
        }

        // Recorded even when the run is cancelled: the call already went out. Never the query or body (record data), never a credential.
        await audit.RecordAsync(new AuditActor(runner.UserId, runner.Email), IntegrationAuditActions.TaskAsAdmin, "integration", pack.Namespace,
            $"integration task as admin: {pack.Namespace}.{task.Name} ran with {target.AdminEmail}'s authorization of connection '{target.LinkName}' ({outcome})", CancellationToken.None);
    }

    private static HttpTraceEntry Trace(HttpInvocationRequest request, IntegrationTarget target, TimeSpan duration) => HttpTraceRedactor.Redact(new HttpTraceEntry
    {
        Method = request.Method,
        Url = request.Url,
        Duration = duration,
        RequestHeaders = request.ContentType is null ? request.Headers : [.. request.Headers, new("Content-Type", request.ContentType)],
        RequestBodyPreview = HttpTraceEntry.Preview(request.Body) ?? request.BodyPreview,
        ConnectionLinkName = target.LinkName,
        RanAs = target.RanAs,
    });

    private static string FailureMessage(IntegrationPack pack, IntegrationTask task, IntegrationTarget target, string reason) => target.AsAdmin
        ? $"{pack.Namespace}.{task.Name} failed (running with admin {target.AdminEmail}'s authorization of '{target.LinkName}'): {reason}. If the authorization is the problem, an admin fixes it under Users & Control › Integrations ({AdminPagePath})."
        : $"{pack.Namespace}.{task.Name} failed: {reason}";
}
