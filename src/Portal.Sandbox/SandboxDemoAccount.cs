namespace Portal.Sandbox;

/// <summary>A built-in Sandbox Cloud account; the password is public on purpose (it is a demo provider).</summary>
public sealed record SandboxDemoAccount(string Email, string Password, string DisplayName, string UserId);
