using Portal.Scripting;

namespace Portal.Cli.Commands;

/// <summary>portal check FILE.dg|FOLDER… — prints every compile error and warning as FILE:L:C: error|warning: message, then a summary.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public string Usage => "check FILE.dg|FOLDER...                         report all syntax errors and warnings of scripts (folders: every *.dg inside)";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        if (arguments.Count == 0)
        {
            await context.Error.WriteLineAsync("error: check needs at least one file or folder; usage: portal check FILE.dg|FOLDER...");
            return ExitCodes.Usage;
        }

        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument, "*.dg", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                await context.Error.WriteLineAsync($"error: file or folder '{argument}' was not found; check the path");
                return ExitCodes.Usage;
            }
        }

        var withErrors = 0;
        foreach (var file in files)
        {
            var source = await File.ReadAllTextAsync(file, context.CancellationToken);
            var result = ScriptEngine.Parse(source);
            foreach (var diagnostic in result.Diagnostics)
            {
                var severity = diagnostic.IsWarning ? "warning" : "error";
                await context.Out.WriteLineAsync($"{file}:{diagnostic.Line}:{diagnostic.Column}: {severity}: {diagnostic.Message}");
            }

            withErrors += result.Success ? 0 : 1;
        }

        await context.Out.WriteLineAsync($"checked {files.Count} file{(files.Count == 1 ? string.Empty : "s")}: {files.Count - withErrors} ok, {withErrors} with errors");
        return withErrors == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
