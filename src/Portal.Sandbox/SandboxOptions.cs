namespace Portal.Sandbox;

/// <summary>Settings of the Sandbox Cloud server, bound from the configuration section <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Loopback base URL to listen on; port 0 picks a free port (see <see cref="SandboxInstance.Url"/>).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5100";

    /// <summary>Folder for the sandbox database and its keys; empty means a per-user application-data folder.</summary>
    public string DataDirectory { get; set; } = "";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>OAuth clients created or updated at startup (the portal registers itself here).</summary>
    public List<SandboxClient> Clients { get; set; } = [];

    /// <summary>Keys accepted by Sandbox Weather in the <c>X-Weather-Key</c> header; empty means the documented demo key.</summary>
    /// <remarks>Empty by default because the configuration binder appends to lists instead of replacing them.</remarks>
    public List<string> WeatherApiKeys { get; set; } = [];

    /// <summary>The keys Sandbox Weather really accepts; the portal pre-configures its default Weather service with the first.</summary>
    public IReadOnlyList<string> EffectiveWeatherApiKeys =>
        WeatherApiKeys.Count == 0 ? [SandboxCatalog.DefaultWeatherApiKey] : WeatherApiKeys;

    /// <summary>Clock used for token lifetimes; tests swap in a fake clock.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "Portal.Sandbox");
    }
}
