namespace Portal.Connections.Management;

/// <summary>
/// What reconnecting needs: open <see cref="BrowserPath"/> (OAuth consent popup, or the page where API keys/passwords are entered),
/// or nothing more when <see cref="Completed"/> (client credentials were fetched again).
/// </summary>
public sealed record ReconnectResult(bool Completed, string? BrowserPath, string Message);
