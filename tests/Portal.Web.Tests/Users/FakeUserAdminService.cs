using Portal.Web.Audit;
using Portal.Web.Users;

namespace Portal.Web.Tests.Users;

internal sealed class FakeUserAdminService : IUserAdminService
{
    public List<UserSummary> Users { get; } = [];

    public List<(string UserId, string Role)> RoleChanges { get; } = [];

    public List<(string Email, string Role)> Created { get; } = [];

    public string? NextError { get; set; }

    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<UserSummary>>(Users.ToList());

    public Task<UserAdminResult> CreateAsync(AuditActor actor, string email, string? displayName, string role, string? password)
    {
        Created.Add((email, role));
        Users.Add(new UserSummary(Guid.NewGuid().ToString(), email, displayName, role, false, null, true, DateTimeOffset.UnixEpoch));
        return Task.FromResult(UserAdminResult.Ok(password is null ? "P-generated-secret" : null));
    }

    public Task<UserAdminResult> SetRoleAsync(AuditActor actor, string userId, string role)
    {
        RoleChanges.Add((userId, role));
        return Task.FromResult(NextError is null ? UserAdminResult.Ok() : UserAdminResult.Fail(NextError));
    }

    public Task<UserAdminResult> SetLockedAsync(AuditActor actor, string userId, bool locked) => Task.FromResult(UserAdminResult.Ok());

    public Task<UserAdminResult> DeleteAsync(AuditActor actor, string userId) => Task.FromResult(UserAdminResult.Ok());
}
