using Microsoft.AspNetCore.Identity;

namespace Portal.Web.Data;

public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set for seeded or admin-created accounts whose password someone else chose.</summary>
    public bool MustChangePassword { get; set; }

    public bool PrefersDarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
