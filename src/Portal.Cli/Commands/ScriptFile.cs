namespace Portal.Cli.Commands;

internal static class ScriptFile
{
    /// <summary>Reads the script, or reports a clear error and returns null.</summary>
    public static async Task<string?> ReadAsync(string path, CliContext context)
    {
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"error: file '{path}' was not found; check the path");
            return null;
        }

        return await File.ReadAllTextAsync(path, context.CancellationToken);
    }
}
