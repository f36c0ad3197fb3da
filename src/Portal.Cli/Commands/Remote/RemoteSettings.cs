using System.Text.Json;

namespace Portal.Cli.Commands.Remote;

/// <summary>Where "portal login" keeps the portal URL and token: config.json in the user's config dir, readable by the owner only.</summary>
internal sealed record RemoteSettings(string Url, string Token)
{
    public const string FileName = "config.json";

    public static string DefaultDirectory => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "portal");

    public static async Task<RemoteSettings?> LoadAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        var settings = await JsonSerializer.DeserializeAsync<RemoteSettings>(stream, cancellationToken: ct);
        return settings is { Url.Length: > 0, Token.Length: > 0 } ? settings : null;
    }

    public async Task SaveAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The token is a password: the file is created 0600, never world-readable even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        {
            await JsonSerializer.SerializeAsync(stream, this, cancellationToken: ct);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
