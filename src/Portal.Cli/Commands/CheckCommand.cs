using Portal.Scripting;

namespace Portal.Cli.Commands;

/// <summary>portal check FILE.dg — prints every compile error as FILE:L:C: error: message.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public string Usage => "check FILE.dg                                   report all syntax errors of a script";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        if (arguments.Count != 1)
        {
            await context.Error.WriteLineAsync("error: check needs exactly one file; usage: portal check FILE.dg");
            return ExitCodes.Usage;
        }

        var file = arguments[0];
        var source = await ScriptFile.ReadAsync(file, context);
        if (source is null)
        {
            return ExitCodes.Usage;
        }

        var result = ScriptEngine.Parse(source);
        foreach (var diagnostic in result.Diagnostics)
        {
            await context.Out.WriteLineAsync($"{file}:{diagnostic.Line}:{diagnostic.Column}: error: {diagnostic.Message}");
        }

        return result.Success ? ExitCodes.Success : ExitCodes.Failed;
    }
}
