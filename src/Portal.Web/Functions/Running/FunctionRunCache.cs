using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Credentials;
using Portal.Scripting;
using Portal.Web.Data;
using Portal.Web.Functions.Keys;
using Portal.Web.Identity;

namespace Portal.Web.Functions.Running;

/// <summary>
/// What every run of a saved function reads, kept between runs (issue #18): the function by API name and by id, whose
/// code it is (SEC-33), the first admin's email, API keys by hash, and the compiled script of each function's current
/// code. Database entries follow <see cref="GenerationCache{TKey,TValue}"/>: dropped by any write to their tables from this
/// process, and after five seconds at most for writes from another instance. A compiled script is reused only for the
/// exact code it was compiled from, so a new version is compiled on its first run.
/// </summary>
public sealed class FunctionRunCache(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int MaxCompiledScripts = 1_000;

    private readonly GenerationCache<string, FunctionDetails?> byApiName = new(DataTables.Functions, StringComparer.Ordinal);
    private readonly GenerationCache<int, FunctionDetails?> byId = new(DataTables.Functions);
    private readonly GenerationCache<int, CodeAuthorship> authors = new(DataTables.Functions | DataTables.Identity);
    private readonly GenerationCache<bool, string> firstAdmin = new(DataTables.Identity);
    private readonly ConcurrentDictionary<int, CompiledScript> compiled = new();

    /// <summary>API keys by their SHA-256 (SEC-21); <see cref="FunctionApiKeyService.FindAsync"/> reads through it.</summary>
    internal GenerationCache<string, FunctionApiKeyMatch?> ApiKeys { get; } = new(DataTables.Functions, StringComparer.Ordinal);

    /// <summary>The function with this API name, whoever may see it; callers check visibility.</summary>
    public ValueTask<FunctionDetails?> GetAsync(string apiName, CancellationToken ct = default) =>
        byApiName.GetAsync(apiName, dbFactory, static async (name, factory, token) =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            var function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.ApiName == name, token);
            return function is null ? null : FunctionMapping.ToDetails(function, await LatestVersionAsync(db, function.Id, token));
        }, ct);

    /// <summary>The function with this id, whoever may see it; callers check visibility.</summary>
    public ValueTask<FunctionDetails?> GetAsync(int id, CancellationToken ct = default) =>
        byId.GetAsync(id, dbFactory, static async (key, factory, token) =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            var function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.Id == key, token);
            return function is null ? null : FunctionMapping.ToDetails(function, await LatestVersionAsync(db, function.Id, token));
        }, ct);

    /// <summary>Whose code the saved function's current version is (owner and last editor, SEC-33).</summary>
    public ValueTask<CodeAuthorship> AuthorsAsync(FunctionDetails function, CancellationToken ct = default) =>
        authors.GetAsync(function.Id, (dbFactory, function), static async (id, state, token) =>
        {
            await using var db = await state.dbFactory.CreateDbContextAsync(token);
            return await FunctionCodeAuthors.ForSavedAsync(db, id, state.function.ApiName, state.function.OwnerUserId, token);
        }, ct);

    /// <summary>The email of the earliest-created admin (<c>zoho.adminuser</c>), or empty when there is none.</summary>
    public ValueTask<string> FirstAdminEmailAsync(CancellationToken ct = default) =>
        firstAdmin.GetAsync(true, dbFactory, static async (_, factory, token) =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            var admins = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where r.Name == Roles.Admin
                                select new { u.Email, u.CreatedAt }).ToListAsync(token);
            return admins.OrderBy(a => a.CreatedAt).ThenBy(a => a.Email, StringComparer.Ordinal).Select(a => a.Email).FirstOrDefault() ?? string.Empty;
        }, ct);

    /// <summary>The compiled form of a saved function's code, compiled once per version of the code.</summary>
    public CompiledScript Compile(int functionId, string code)
    {
        if (compiled.TryGetValue(functionId, out var script) && string.Equals(script.Source, code, StringComparison.Ordinal))
        {
            return script;
        }

        script = ScriptEngine.Compile(code, FunctionRunner.EditorLimits);
        if (compiled.Count >= MaxCompiledScripts)
        {
            compiled.Clear();
        }

        compiled[functionId] = script;
        return script;
    }

    private static async Task<int> LatestVersionAsync(PortalDbContext db, int functionId, CancellationToken ct) =>
        await db.FunctionVersions.Where(v => v.FunctionId == functionId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
}
