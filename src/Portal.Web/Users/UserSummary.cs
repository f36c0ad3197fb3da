namespace Portal.Web.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string? DisplayName,
    string Role,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    bool MustChangePassword,
    DateTimeOffset CreatedAt);
