using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Cli.Commands.Remote;

/// <summary>portal schedule list|add|remove|enable|disable API_NAME … — a function's schedules on the portal.</summary>
internal sealed class ScheduleCommand(RemoteEnvironment environment) : ICliCommand
{
    private const string Syntax =
        "portal schedule list API_NAME | add API_NAME (--every 15m|2h | --daily HH:mm | --weekly DAYS --at HH:mm | --cron EXPR) [--tz ZONE] [--run-as EMAIL] [--arg name=value]... [--disabled] | remove|enable|disable API_NAME ID";

    public string Name => "schedule";

    public string Usage => "schedule list|add|remove|enable|disable API_NAME ...  list and change a function's schedules (portal schedule --help)";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        if (arguments is [] or ["-h" or "--help" or "help", ..])
        {
            await (arguments.Count == 0 ? context.Error : context.Out).WriteLineAsync("usage: " + Syntax);
            return arguments.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        var verb = arguments[0].ToLowerInvariant();
        var positional = new List<string>();
        var spec = new ScheduleSpec();
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (verb == "add" && argument == "--disabled")
            {
                spec.Disable();
            }
            else if (verb == "add" && argument.StartsWith("--", StringComparison.Ordinal) && i + 1 < arguments.Count)
            {
                if (!spec.Accept(argument, arguments[++i]))
                {
                    return await UsageAsync(spec.Error!, context);
                }
            }
            else if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(argument);
            }
            else
            {
                return await UsageAsync($"unexpected argument '{argument}'", context);
            }
        }

        var wanted = verb is "list" or "add" ? 1 : 2;
        if (verb is not ("list" or "add" or "remove" or "enable" or "disable"))
        {
            return await UsageAsync($"unknown schedule command '{arguments[0]}'", context);
        }

        if (positional.Count != wanted)
        {
            return await UsageAsync(wanted == 1 ? $"schedule {verb} needs the function's API name" : $"schedule {verb} needs the function's API name and the schedule's id (see portal schedule list)", context);
        }

        if (await environment.RequireLoginAsync(context) is not { } settings)
        {
            return ExitCodes.Usage;
        }

        using var client = environment.CreateClient(settings);
        var path = $"api/v1/functions/{Uri.EscapeDataString(positional[0])}/schedules";
        var id = wanted == 2 ? Uri.EscapeDataString(positional[1]) : null;
        using var response = verb switch
        {
            "list" => await client.GetAsync(path, context.CancellationToken),
            "add" when spec.Build() is { } body => await client.PostAsJsonAsync(path, body, context.CancellationToken),
            "add" => null,
            "remove" => await client.DeleteAsync($"{path}/{id}", context.CancellationToken),
            _ => await client.PutAsJsonAsync($"{path}/{id}", new JsonObject { ["enabled"] = verb == "enable" }, context.CancellationToken),
        };
        if (response is null)
        {
            return await UsageAsync(spec.Error!, context);
        }

        if (!response.IsSuccessStatusCode)
        {
            return await RemoteErrors.ReportAsync(response, context);
        }

        switch (verb)
        {
            case "list":
                var schedules = (await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken)).EnumerateArray().ToList();
                await context.Out.WriteLineAsync(schedules.Count == 0 ? $"{positional[0]} has no schedules" : string.Join(Environment.NewLine, schedules.Select(Line)));
                break;
            case "add":
                var added = await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                await context.Out.WriteLineAsync($"added schedule {added.GetProperty("id").GetString()}: {Line(added)[(added.GetProperty("id").GetString()!.Length + 2)..]}");
                break;
            case "remove":
                await context.Out.WriteLineAsync($"removed schedule {positional[1]} of {positional[0]}");
                break;
            default:
                var changed = await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                await context.Out.WriteLineAsync($"{verb}d schedule {positional[1]}: {changed.GetProperty("description").GetString()}{Next(changed)}");
                break;
        }

        return ExitCodes.Success;
    }

    /// <summary>"ID  on|off  description  as EMAIL  next …  last …": one schedule per line.</summary>
    private static string Line(JsonElement s)
    {
        var last = s.GetProperty("last_run");
        var lastText = last.ValueKind != JsonValueKind.Object ? string.Empty
            : last.GetProperty("status").ValueKind == JsonValueKind.String
                ? $"  last {last.GetProperty("status").GetString()} (run {last.GetProperty("run_id")})"
                : $"  last did not run: {last.GetProperty("message").GetString()}";
        return $"{s.GetProperty("id").GetString()}  {(s.GetProperty("enabled").GetBoolean() ? "on " : "off")}  {s.GetProperty("description").GetString()}  as {s.GetProperty("run_as").GetString()}{Next(s)}{lastText}";
    }

    private static string Next(JsonElement s) =>
        s.GetProperty("next_runs").EnumerateArray().Select(r => r.GetDateTimeOffset()).FirstOrDefault() is { Ticks: > 0 } next
            ? "  next " + next.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : string.Empty;

    private static async Task<int> UsageAsync(string message, CliContext context)
    {
        await context.Error.WriteLineAsync($"error: {message}; usage: {Syntax}");
        return ExitCodes.Usage;
    }
}
