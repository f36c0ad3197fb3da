using Portal.Scripting.Http;

namespace Portal.Cli.Tests;

/// <summary>Runs the CLI in-process against a temporary script file and captures its output.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("portal-cli-tests").FullName;

    public string Write(string name, string source)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, source);
        return path;
    }

    // Kept an instance method though it reads no state: tests call it on the runner that owns their temporary folder, like Write.
#pragma warning disable CA1822
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(IHttpInvoker? http = null, params string[] args)
#pragma warning restore CA1822
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = http is null ? CliApp.CreateDefault() : CliApp.CreateDefault(() => http);

        var exitCode = await app.RunAsync(args, output, error, CancellationToken.None);

        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
