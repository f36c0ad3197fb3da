namespace Portal.Web.Identity;

public sealed class AdminSeedOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Gives the admin (Email, or admin@portal.local) a new one-time password at startup; set by --reset-admin-password.</summary>
    public bool ResetPassword { get; set; }
}
