namespace Portal.Web.Identity;

public sealed class AdminSeedOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
