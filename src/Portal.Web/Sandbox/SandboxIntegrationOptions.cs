namespace Portal.Web.Sandbox;

/// <summary>Portal-side switches for the embedded Sandbox Cloud (section <c>Sandbox</c>, beside the sandbox's own keys).</summary>
public sealed class SandboxIntegrationOptions
{
    public bool Enabled { get; set; } = true;
}
