namespace Portal.Sandbox;

/// <summary>A scope and the plain-words sentence shown on consent screens ("This will allow the app to …").</summary>
public sealed record SandboxScopeDescriptor(string Name, string Description);
