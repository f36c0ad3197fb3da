using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Credentials;
using Portal.Web.Data;

namespace Portal.Web.Functions;

/// <summary>Whose code a run executes (SEC-33): a saved function's owner and the person who saved its current version.</summary>
internal static class FunctionCodeAuthors
{
    public static async Task<CodeAuthorship> ForSavedAsync(PortalDbContext db, int functionId, string apiName, string ownerUserId, CancellationToken ct)
    {
        var last = await db.FunctionVersions.AsNoTracking().Where(v => v.FunctionId == functionId).OrderByDescending(v => v.Number)
            .Select(v => new { v.SavedByUserId, v.SavedByEmail }).FirstOrDefaultAsync(ct);
        var ownerEmail = await EmailAsync(db, ownerUserId, ct);

        // A function is created with its first version in a second save; in between, its code is its creator's, the owner.
        var editor = last?.SavedByUserId is { Length: > 0 } saver ? saver : ownerUserId;
        var editorEmail = editor == ownerUserId ? ownerEmail : await EmailAsync(db, editor, ct) ?? last?.SavedByEmail;
        return new CodeAuthorship(ownerUserId, editor, $"function {apiName} (owner {ownerEmail ?? "a deleted user"}; code last changed by {editorEmail ?? "a deleted user"})");
    }

    /// <summary>Code from the editor that differs from what is saved: its author is the person running it.</summary>
    public static async Task<CodeAuthorship> ForUnsavedAsync(PortalDbContext db, ClaimsPrincipal runner, string? apiName, string ownerUserId, CancellationToken ct)
    {
        var runnerId = FunctionPermissions.UserId(runner);
        var runnerEmail = await EmailAsync(db, runnerId, ct) ?? runner.Identity?.Name;
        var ownerEmail = ownerUserId == runnerId ? runnerEmail : await EmailAsync(db, ownerUserId, ct);
        var what = apiName is null ? "unsaved code" : $"unsaved changes to function {apiName}";
        return new CodeAuthorship(ownerUserId, runnerId, $"{what} (owner {ownerEmail ?? "a deleted user"}; changed by {runnerEmail ?? "you"})");
    }

    public static Task<string?> EmailAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
}
