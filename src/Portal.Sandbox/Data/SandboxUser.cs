namespace Portal.Sandbox.Data;

internal sealed class SandboxUser
{
    public required string Id { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }
}
