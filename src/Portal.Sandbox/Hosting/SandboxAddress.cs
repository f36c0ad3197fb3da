namespace Portal.Sandbox.Hosting;

/// <summary>The sandbox's public base URL, known only after Kestrel bound the port when port 0 was configured.</summary>
internal sealed class SandboxAddress
{
    public Uri? Url { get; set; }
}
