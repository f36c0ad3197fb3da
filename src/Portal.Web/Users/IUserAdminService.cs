using Portal.Web.Audit;

namespace Portal.Web.Users;

public interface IUserAdminService
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default);

    Task<UserAdminResult> CreateAsync(AuditActor actor, string email, string? displayName, string role, string? password);

    Task<UserAdminResult> SetRoleAsync(AuditActor actor, string userId, string role);

    Task<UserAdminResult> SetLockedAsync(AuditActor actor, string userId, bool locked);

    Task<UserAdminResult> DeleteAsync(AuditActor actor, string userId);
}
