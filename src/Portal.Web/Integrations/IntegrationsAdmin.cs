using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;
using Portal.Scripting;
using Portal.Scripting.Values;
using Portal.Web.Audit;
using Portal.Web.ConnectionsUi;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Integrations;

/// <summary>Bindings of packs to org connections; only admins change them, and every change is audited.</summary>
internal sealed class IntegrationsAdmin(
    IDbContextFactory<PortalDbContext> dbFactory,
    IntegrationPackCatalog catalog,
    IntegrationExecutor executor,
    IIntegrationServiceDirectory services,
    AuditLog audit,
    TimeProvider time) : IIntegrationsAdmin
{
    private const int MaxPreview = 4000;

    public async Task<IReadOnlyList<IntegrationStatus>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bindings = await db.IntegrationBindings.AsNoTracking().ToListAsync(ct);
        var result = new List<IntegrationStatus>();
        foreach (var pack in catalog.Packs)
        {
            var binding = bindings.FirstOrDefault(b => b.Namespace == pack.Namespace);
            var connection = binding is null ? null : await db.Set<ConnectionEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == binding.ConnectionId, ct);
            if (binding is null || connection is null)
            {
                result.Add(new IntegrationStatus(pack, IntegrationBindingState.NotBound));
                continue;
            }

            var status = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking()
                .Where(a => a.ConnectionId == connection.Id && a.UserId == binding.AuthorizationUserId).Select(a => (AuthorizationStatus?)a.Status).FirstOrDefaultAsync(ct);
            var state = !await db.IsActiveAdminAsync(binding.AuthorizationUserId, ct) ? IntegrationBindingState.AdminNoLongerActive
                : status == AuthorizationStatus.Connected ? IntegrationBindingState.Bound
                : IntegrationBindingState.NeedsReauthorization;
            result.Add(new IntegrationStatus(pack, state, connection.Name, connection.LinkName, binding.AuthorizationUserEmail, binding.BoundByEmail, binding.BoundAt));
        }

        return result;
    }

    public async Task<IReadOnlyList<BindableConnection>> ConnectionsForAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        var pack = catalog.Find(ns);
        var adminId = admin.FindFirstValue(ClaimTypes.NameIdentifier);
        if (pack is null || adminId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var serviceIds = pack.Services.ToList();
        var connections = await db.Set<ConnectionEntity>().AsNoTracking()
            .Where(c => serviceIds.Contains(c.ServiceId) && (c.Mode == ConnectionMode.LoginUserCredentials || c.OwnerUserId == adminId))
            .OrderBy(c => c.Name).ToListAsync(ct);
        var ids = connections.Select(c => c.Id).ToList();
        var mine = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking()
            .Where(a => ids.Contains(a.ConnectionId) && a.UserId == adminId).ToDictionaryAsync(a => a.ConnectionId, a => a.Status, ct);
        var result = new List<BindableConnection>();
        foreach (var c in connections)
        {
            var service = await services.FindAsync(c.ServiceId, ct);
            result.Add(new BindableConnection(c.LinkName, c.Name, service?.DisplayName ?? c.ServiceId, c.Mode, mine.GetValueOrDefault(c.Id, AuthorizationStatus.NotConnected)));
        }

        return result;
    }

    public async Task<UiResult> BindAsync(string ns, string linkName, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        if (!admin.IsInRole(Roles.Admin) || admin.FindFirstValue(ClaimTypes.NameIdentifier) is not { } adminId)
        {
            return UiResult.Fail("Only admins can bind integrations. Ask an admin to do it under Users & Control › Integrations.");
        }

        if (catalog.Find(ns) is not { } pack)
        {
            return UiResult.Fail($"There is no integration '{ns}'. Reload the page to see the available integrations.");
        }

        var choice = (await ConnectionsForAsync(pack.Namespace, admin, ct)).FirstOrDefault(c => c.LinkName == linkName);
        if (choice is null)
        {
            return UiResult.Fail($"Connection '{linkName}' cannot run {pack.Namespace}: it must connect to {string.Join(" or ", pack.Services)} and be shared or owned by you. Pick another connection or create one.");
        }

        if (!choice.AuthorizedByMe)
        {
            return UiResult.Fail($"You have not authorized connection '{linkName}' with your account yet. Click Authorize first: {pack.Namespace} tasks will run with your authorization.");
        }

        var email = admin.Identity?.Name ?? "";
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var connectionId = await db.Set<ConnectionEntity>().Where(c => c.LinkName == linkName).Select(c => c.Id).SingleAsync(ct);
            var binding = await db.IntegrationBindings.FirstOrDefaultAsync(b => b.Namespace == pack.Namespace, ct);
            if (binding is null)
            {
                binding = new IntegrationBindingEntity { Namespace = pack.Namespace };
                db.IntegrationBindings.Add(binding);
            }

            binding.ConnectionId = connectionId;
            binding.AuthorizationUserId = adminId;
            binding.AuthorizationUserEmail = email;
            binding.BoundByUserId = adminId;
            binding.BoundByEmail = email;
            binding.BoundAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseConflict.IsUniqueViolation(e))
            {
                // The namespace is unique: another admin bound the pack at the same moment.
                return UiResult.Fail($"Another admin bound {pack.Namespace} at the same moment. Reload the page to see the binding, then re-bind if needed.");
            }
        }

        await audit.RecordAsync(AuditActor.From(admin), IntegrationAuditActions.Bound, "integration", pack.Namespace,
            $"bound to connection '{linkName}'; tasks run with {email}'s authorization", ct);
        return UiResult.Ok;
    }

    public async Task<UiResult> UnbindAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        if (!admin.IsInRole(Roles.Admin))
        {
            return UiResult.Fail("Only admins can unbind integrations.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var binding = await db.IntegrationBindings.FirstOrDefaultAsync(b => b.Namespace == ns, ct);
            if (binding is null)
            {
                return UiResult.Fail($"{ns} is not bound (someone may have unbound it meanwhile). Reload the page.");
            }

            db.IntegrationBindings.Remove(binding);
            await db.SaveChangesAsync(ct);
        }

        await audit.RecordAsync(AuditActor.From(admin), IntegrationAuditActions.Unbound, "integration", ns, "unbound; its tasks fail until an admin binds it again", ct);
        return UiResult.Ok;
    }

    public async Task<IntegrationTestResult> TestAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        if (catalog.Find(ns) is not { Test: { } test } pack || pack.FindTask(test.Task) is not { } task)
        {
            return new IntegrationTestResult(false, $"{ns} has no test call defined.", null);
        }

        var arguments = test.Arguments.Select(a => a is null ? ScriptValue.Null : ScriptValue.FromJson(JsonSerializer.SerializeToElement(a))).ToList();
        var call = $"{pack.Namespace}.{task.Name}({string.Join(", ", arguments.Select(a => a.ToJson()))})";
        try
        {
            var runner = new IntegrationRunner(admin.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", admin.Identity?.Name);
            var result = await executor.ExecuteAsync(pack, task, arguments, runner, ct);
            var json = result.Value.ToJson();
            var preview = json.Length > MaxPreview ? json[..MaxPreview] + "…" : json;
            var firstCall = result.HttpCalls is [var head, ..] ? head : null;
            if (result.Value is ScriptMap map && map[pack.Errors.Field] is ScriptText { Value: var status } && status == pack.Errors.EqualsValue)
            {
                return new IntegrationTestResult(false, $"{call} returned an error from the service (HTTP {firstCall?.StatusCode}).", preview);
            }

            var size = result.Value is ScriptList list ? $"a list of {list.Count} record(s)" : result.Value.TypeName;
            return new IntegrationTestResult(true, $"{call} returned {size} (HTTP {firstCall?.StatusCode}).", preview);
        }
        catch (ScriptHostException e)
        {
            return new IntegrationTestResult(false, e.Message, null);
        }
    }
}
