using System.Text;
using System.Text.Json;
using Portal.Scripting;
using Portal.Scripting.Values;

namespace Portal.Cli.Commands;

/// <summary>portal run FILE.dg [--arg name=value]... [--json] — runs a script on this machine.</summary>
internal sealed class RunCommand : ICliCommand
{
    public string Name => "run";

    private const string Syntax = "portal run FILE.dg [--arg name=value]... [--json]";

    public string Usage => "run FILE.dg [--arg name=value]... [--json]     run a script and print its info lines and result";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        string? file = null;
        var json = false;
        var values = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--arg" when i + 1 < arguments.Count && arguments[i + 1].IndexOf('=') > 0:
                    var pair = arguments[++i];
                    var eq = pair.IndexOf('=');
                    values[pair[..eq]] = ScriptValue.ParseJsonOrText(pair[(eq + 1)..]);
                    break;
                case var other when !other.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = other;
                    break;
                default:
                    await context.Error.WriteLineAsync($"error: unexpected argument '{arguments[i]}'; usage: {Syntax}");
                    return ExitCodes.Usage;
            }
        }

        if (file is null)
        {
            await context.Error.WriteLineAsync($"error: run needs a script file; usage: {Syntax}");
            return ExitCodes.Usage;
        }

        var source = await ScriptFile.ReadAsync(file, context);
        if (source is null)
        {
            return ExitCodes.Usage;
        }

        var script = ScriptEngine.Compile(source);
        var host = new ScriptHost
        {
            Http = context.Http,
            LoginUser = Environment.UserName,
            LoginUserId = Environment.UserName,
            AdminUser = Environment.UserName,
            Functions = new SiblingFunctionResolver(Path.GetDirectoryName(Path.GetFullPath(file))!),
        };
        var result = await ScriptEngine.RunAsync(script, values, host, ScriptLimits.Default, context.CancellationToken);
        if (json)
        {
            await context.Out.WriteLineAsync(ToJson(result));
        }
        else
        {
            await WritePlainAsync(script, result, context);
        }

        return result.Error is null ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task WritePlainAsync(CompiledScript script, RunResult result, CliContext context)
    {
        foreach (var line in result.Info)
        {
            await context.Out.WriteLineAsync(line);
        }

        foreach (var warning in script.Warnings)
        {
            await context.Error.WriteLineAsync($"warning: line {warning.Line}, column {warning.Column}: {warning.Message}");
        }

        if (!script.Success)
        {
            foreach (var diagnostic in script.Errors)
            {
                await context.Error.WriteLineAsync($"error: line {diagnostic.Line}, column {diagnostic.Column}: {diagnostic.Message}");
            }
        }
        else if (result.Error is { } error)
        {
            await context.Error.WriteLineAsync($"error: line {error.Line}, column {error.Column}: {error.Message}");
        }
        else
        {
            await context.Out.WriteLineAsync("return: " + (result.ReturnValue?.ToResultString() ?? "null"));
        }
    }

    private static string ToJson(RunResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("info");
            foreach (var line in result.Info)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("return");
            if (result.ReturnValue is { } value)
            {
                value.WriteJson(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WritePropertyName("error");
            if (result.Error is { } error)
            {
                writer.WriteStartObject();
                writer.WriteString("message", error.Message);
                writer.WriteNumber("line", error.Line);
                writer.WriteNumber("column", error.Column);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteNumber("statements", result.StatementsExecuted);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
