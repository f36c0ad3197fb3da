namespace Portal.Web.Users;

/// <summary>Outcome of an admin action; <see cref="Error"/> is a sentence a person can act on.</summary>
public sealed record UserAdminResult(bool Succeeded, string? Error = null, string? TemporaryPassword = null)
{
    public static UserAdminResult Ok(string? temporaryPassword = null) => new(true, null, temporaryPassword);

    public static UserAdminResult Fail(string error) => new(false, error);
}
