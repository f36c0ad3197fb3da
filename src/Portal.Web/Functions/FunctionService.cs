using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions;

internal sealed class FunctionService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time, FunctionRunCache? runCache = null) : IFunctionService
{
    private readonly FunctionRunCache cache = runCache ?? new FunctionRunCache(dbFactory);

    private const string ReadOnlyError = "Only Developers and Admins can change functions. Ask an admin for the Developer role.";
    private const string GoneError = "This function no longer exists. Go back to the functions list and refresh it.";

    public async Task<IReadOnlyList<FunctionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = VisibleRuns(db, user);
        var rows = await VisibleFunctions(db, user)
            .Select(f => new
            {
                Function = f,
                Last = runs.Where(r => r.FunctionId == f.Id).OrderByDescending(r => r.Id).Select(r => new { r.Status, r.StartedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .OrderBy(x => x.Function.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => new FunctionSummary(
                x.Function.Id, x.Function.Name, x.Function.ApiName, x.Function.Description, FunctionMapping.ReadArguments(x.Function.ArgumentsJson),
                x.Function.UpdatedAt, x.Last?.Status, x.Last?.StartedAt, x.Function.Visibility))
            .ToList();
    }

    public async Task<FunctionDetails?> GetAsync(ClaimsPrincipal user, string apiName, CancellationToken ct = default)
    {
        // Read through the run path's cache: every execute call starts here (issue #18).
        var function = await cache.GetAsync(apiName, ct);
        return function is not null && FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility) ? function : null;
    }

    public async Task<FunctionResult> SetVisibilityAsync(ClaimsPrincipal user, int functionId, FunctionVisibility visibility, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await VisibleFunctions(db, user).AsTracking().FirstOrDefaultAsync(f => f.Id == functionId, ct);
        if (entity is null)
        {
            return FunctionResult.Fail(GoneError);
        }

        if (!FunctionPermissions.CanManage(user, entity.OwnerUserId))
        {
            return FunctionResult.Refusal("Only the function's owner or an Admin can change who sees it. Ask them to change it.");
        }

        if (entity.Visibility != visibility)
        {
            entity.Visibility = visibility;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.VisibilityChanged, "function", entity.ApiName, visibility.ToString(), ct);
        }

        return FunctionResult.Ok(FunctionMapping.ToDetails(entity, await LatestVersionAsync(db, entity.Id, ct)));
    }

    public async Task<string?> ValidateApiNameAsync(string apiName, int? exceptFunctionId = null, CancellationToken ct = default)
    {
        if (FunctionApiNames.FormatError(apiName) is { } formatError)
        {
            return formatError;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Functions.AnyAsync(f => f.ApiName == apiName && f.Id != exceptFunctionId, ct)
            ? $"A function with the API name {apiName} already exists. Choose another API name."
            : null;
    }

    public async Task<FunctionResult> CreateAsync(ClaimsPrincipal user, FunctionDraft draft, CancellationToken ct = default)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return FunctionResult.Fail(ReadOnlyError);
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            return FunctionResult.Fail("Enter a name for the function.");
        }

        if (FunctionHeaders.Read(draft.Code) is { } header)
        {
            // A pasted exported function names itself and declares its arguments; the header wins over the draft's list.
            var (headerArguments, headerError) = FunctionHeaders.Arguments(header);
            if ((headerError ?? FunctionHeaders.NameMismatch(header, draft.ApiName)) is { } mismatch)
            {
                return FunctionResult.Fail(mismatch);
            }

            draft = draft with { Arguments = headerArguments };
        }

        if (ValidateArguments(draft.Arguments) is { } argumentError)
        {
            return FunctionResult.Fail(argumentError);
        }

        if (await ValidateApiNameAsync(draft.ApiName, null, ct) is { } apiNameError)
        {
            return FunctionResult.Fail(apiNameError);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var entity = new FunctionEntity
        {
            Name = draft.Name.Trim(),
            ApiName = draft.ApiName,
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
            ArgumentsJson = FunctionMapping.WriteArguments(draft.Arguments),
            Code = draft.Code ?? StarterCode(draft),
            OwnerUserId = FunctionPermissions.UserId(user),
            Visibility = draft.Visibility,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Functions.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflict.IsUniqueViolation(e))
        {
            return FunctionResult.Fail($"A function with the API name {draft.ApiName} already exists. Choose another API name.");
        }

        await AddVersionAsync(db, entity, user, "Created", ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Created, "function", entity.ApiName, ct: ct);
        return FunctionResult.Ok(FunctionMapping.ToDetails(entity, 1));
    }

    public async Task<FunctionResult> UpdateAsync(ClaimsPrincipal user, int functionId, string code, IReadOnlyList<FunctionArgument> arguments, Guid concurrencyStamp, string? message = null, CancellationToken ct = default)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return FunctionResult.Fail(ReadOnlyError);
        }

        if (ValidateArguments(arguments) is { } argumentError)
        {
            return FunctionResult.Fail(argumentError);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await VisibleFunctions(db, user).AsTracking().FirstOrDefaultAsync(f => f.Id == functionId, ct);
        if (entity is null)
        {
            return FunctionResult.Fail(GoneError);
        }

        if (!FunctionPermissions.CanManage(user, entity.OwnerUserId))
        {
            return await RefuseAsync(db, user, entity, "change its code or arguments", ct);
        }

        if (entity.ConcurrencyStamp != concurrencyStamp)
        {
            return FunctionResult.Fail("Someone else saved this function after you opened it. Copy your changes, reload the page and apply them again.");
        }

        if (FunctionHeaders.Read(code) is { } header)
        {
            var (headerArguments, headerError) = FunctionHeaders.Arguments(header);
            if ((headerError ?? FunctionHeaders.NameMismatch(header, entity.ApiName)) is { } mismatch)
            {
                return FunctionResult.Fail(mismatch);
            }

            arguments = headerArguments;
        }

        var argumentsJson = FunctionMapping.WriteArguments(arguments);
        var keyStopped = await StopKeyUnlessEnablerAsync(db, user, entity, code != entity.Code || argumentsJson != entity.ArgumentsJson, ct);
        entity.Code = code;
        entity.ArgumentsJson = argumentsJson;
        entity.UpdatedAt = time.GetUtcNow();
        entity.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FunctionResult.Fail("Someone else saved this function at the same moment. Copy your changes, reload the page and apply them again.");
        }

        var number = await AddVersionAsync(db, entity, user, message, ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Saved, "function", entity.ApiName, $"version {number}", ct);
        if (keyStopped is { } enabler)
        {
            await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ApiKeyDisabledByChange, "function", entity.ApiName,
                $"key {entity.ApiKeyPrefix}… stopped: version {number} was saved by {await FunctionCodeAuthors.EmailAsync(db, FunctionPermissions.UserId(user), ct) ?? "another user"}, not by {enabler}, who enabled the key and must approve the code", ct);
        }

        return FunctionResult.Ok(FunctionMapping.ToDetails(entity, number));
    }

    public async Task<FunctionResult> DuplicateAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        FunctionEntity? source;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            source = await VisibleFunctions(db, user).FirstOrDefaultAsync(f => f.Id == functionId, ct);
        }

        if (source is null)
        {
            return FunctionResult.Fail(GoneError);
        }

        var apiName = await FreeApiNameAsync(source.ApiName, ct);
        var draft = new FunctionDraft($"{source.Name} (copy)", apiName, source.Description, FunctionMapping.ReadArguments(source.ArgumentsJson), source.Code);
        return await CreateAsync(user, draft, ct);
    }

    public async Task<FunctionResult> DeleteAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return FunctionResult.Fail(ReadOnlyError);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await VisibleFunctions(db, user).AsTracking().FirstOrDefaultAsync(f => f.Id == functionId, ct);
        if (entity is null)
        {
            return FunctionResult.Fail(GoneError);
        }

        if (!FunctionPermissions.CanManage(user, entity.OwnerUserId))
        {
            return await RefuseAsync(db, user, entity, "delete it", ct);
        }

        await db.FunctionRuns.Where(r => r.FunctionId == functionId).ExecuteDeleteAsync(ct);
        await db.FunctionVersions.Where(v => v.FunctionId == functionId).ExecuteDeleteAsync(ct);
        db.Functions.Remove(entity);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Deleted, "function", entity.ApiName, ct: ct);
        return FunctionResult.Ok(null);
    }

    public async Task<IReadOnlyList<FunctionVersionSummary>> ListVersionsAsync(int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.FunctionVersions.AsNoTracking().Where(v => v.FunctionId == functionId).OrderByDescending(v => v.Number).ToListAsync(ct);
        return [.. versions.Select(FunctionMapping.ToSummary)];
    }

    public async Task<FunctionResult> RestoreAsync(ClaimsPrincipal user, int functionId, int versionNumber, CancellationToken ct = default)
    {
        FunctionVersionEntity? version;
        Guid stamp;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            version = await db.FunctionVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FunctionId == functionId && v.Number == versionNumber, ct);
            stamp = await db.Functions.Where(f => f.Id == functionId).Select(f => f.ConcurrencyStamp).FirstOrDefaultAsync(ct);
        }

        if (version is null)
        {
            return FunctionResult.Fail($"Version {versionNumber} does not exist. Refresh the versions list.");
        }

        var result = await UpdateAsync(user, functionId, version.Code, FunctionMapping.ReadArguments(version.ArgumentsJson), stamp, $"Restored version {versionNumber}", ct);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.Restored, "function", result.Function!.ApiName, $"version {versionNumber}", ct);
        }

        return result;
    }

    public async Task<IReadOnlyList<FunctionRunRecord>> ListRunsAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await VisibleRuns(db, user).Where(r => r.FunctionId == functionId).OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        return [.. runs.Select(FunctionMapping.ToRecord)];
    }

    internal static string? ValidateArguments(IReadOnlyList<FunctionArgument> arguments)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(argument.Name ?? string.Empty, "^[A-Za-z_][A-Za-z0-9_]{0,49}$"))
            {
                return $"\"{argument.Name}\" is not a valid argument name; use letters, digits and underscores, starting with a letter.";
            }

            if (!FunctionArgumentTypes.All.Contains(argument.Type))
            {
                return $"Argument {argument.Name} has the unknown type '{argument.Type}'; choose text, number, decimal, boolean, date, map or list.";
            }

            if (!seen.Add(argument.Name!))
            {
                return $"The argument name {argument.Name} is used twice; give each argument its own name.";
            }
        }

        return null;
    }

    /// <summary>Shared functions, plus private ones the caller owns; Admins see all (see <see cref="FunctionPermissions.CanSee"/>).</summary>
    private static IQueryable<FunctionEntity> VisibleFunctions(PortalDbContext db, ClaimsPrincipal user)
    {
        var userId = FunctionPermissions.UserId(user);
        return FunctionPermissions.SeesAllFunctions(user)
            ? db.Functions.AsNoTracking()
            : db.Functions.AsNoTracking().Where(f => f.Visibility == FunctionVisibility.Shared || f.OwnerUserId == userId);
    }

    private static IQueryable<FunctionRunEntity> VisibleRuns(PortalDbContext db, ClaimsPrincipal user)
    {
        var userId = FunctionPermissions.UserId(user);
        return FunctionPermissions.SeesAllRuns(user) ? db.FunctionRuns.AsNoTracking() : db.FunctionRuns.AsNoTracking().Where(r => r.UserId == userId);
    }

    /// <summary>SEC-36: someone who may see a function but not change it is told who can, and the attempt is audited.</summary>
    private async Task<FunctionResult> RefuseAsync(PortalDbContext db, ClaimsPrincipal user, FunctionEntity entity, string what, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == entity.OwnerUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ChangeRefused, "function", entity.ApiName, $"refused to {what}: not the owner or an admin", ct);
        return FunctionResult.Refusal(
            $"Only the function's owner ({owner ?? "a deleted user"}) and admins can {what}. Ask them to make the change, or duplicate the function to work on your own copy.");
    }

    /// <summary>
    /// SEC-36: a key runs only code its enabler approved. A change by anyone else stops the key (kept, so callers are told why)
    /// until the enabler re-enables it. Returns the enabler's email when the key was stopped now.
    /// </summary>
    private async Task<string?> StopKeyUnlessEnablerAsync(PortalDbContext db, ClaimsPrincipal user, FunctionEntity entity, bool codeChanged, CancellationToken ct)
    {
        if (!codeChanged || entity.ApiKeyHash is null || entity.ApiKeyUserId is null || entity.ApiKeyUserId == FunctionPermissions.UserId(user))
        {
            return null;
        }

        var enabler = await FunctionCodeAuthors.EmailAsync(db, entity.ApiKeyUserId, ct) ?? "the person who enabled it";
        var changer = await FunctionCodeAuthors.EmailAsync(db, FunctionPermissions.UserId(user), ct) ?? user.Identity?.Name ?? "another user";
        var now = time.GetUtcNow();
        entity.ApiKeyDisabledAt = now;
        entity.ApiKeyDisabledReason =
            $"The API key of function {entity.ApiName} was disabled on {now:yyyy-MM-dd HH:mm} UTC because {changer} changed its code, " +
            $"and calls with the key run as {enabler}, who has not approved that code. Ask {enabler} to review the code and re-enable the key on the function's REST API tab.";
        return enabler;
    }

    private static async Task<int> LatestVersionAsync(PortalDbContext db, int functionId, CancellationToken ct) =>
        await db.FunctionVersions.Where(v => v.FunctionId == functionId).MaxAsync(v => (int?)v.Number, ct) ?? 0;

    private static async Task<int> AddVersionAsync(PortalDbContext db, FunctionEntity entity, ClaimsPrincipal user, string? message, CancellationToken ct)
    {
        var number = await LatestVersionAsync(db, entity.Id, ct) + 1;
        db.FunctionVersions.Add(new FunctionVersionEntity
        {
            FunctionId = entity.Id,
            Number = number,
            Code = entity.Code,
            ArgumentsJson = entity.ArgumentsJson,
            SavedByUserId = FunctionPermissions.UserId(user),
            SavedByEmail = user.Identity?.Name,
            SavedAt = entity.UpdatedAt,
            Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return number;
    }

    private async Task<string> FreeApiNameAsync(string apiName, CancellationToken ct)
    {
        for (var i = 1; ; i++)
        {
            var suffix = i == 1 ? "_copy" : $"_copy{i}";
            var candidate = (apiName.Length + suffix.Length > FunctionApiNames.MaxLength ? apiName[..(FunctionApiNames.MaxLength - suffix.Length)] : apiName) + suffix;
            if (await ValidateApiNameAsync(candidate, null, ct) is null)
            {
                return candidate;
            }
        }
    }

    private static string StarterCode(FunctionDraft draft)
    {
        var args = string.Join(", ", draft.Arguments.Select(a => a.Name));
        return $"// {draft.Name.Trim()}{(args.Length > 0 ? $" — arguments: {args}" : string.Empty)}\nresult = map();\nresult.put(\"ok\", true);\ninfo \"Hello from {draft.ApiName}\";\nreturn result;\n";
    }
}
