using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Cli.Commands.Remote;

/// <summary>
/// The options of <c>portal schedule add</c> as the JSON body of POST …/schedules: <c>--every 15m|2h</c>,
/// <c>--daily HH:mm</c>, <c>--weekly DAYS --at HH:mm</c> or <c>--cron EXPR</c>, plus <c>--tz</c>, <c>--run-as</c>,
/// <c>--arg name=value</c> and <c>--disabled</c>.
/// </summary>
internal sealed class ScheduleSpec
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private readonly JsonObject body = [];
    private readonly JsonObject values = [];

    public string? Error { get; private set; }

    /// <summary>Takes one option and its value; false (with <see cref="Error"/>) when the option is unknown or its value malformed.</summary>
    public bool Accept(string option, string value)
    {
        switch (option)
        {
            case "--every":
                return Every(value);
            case "--daily":
                body["kind"] = "daily";
                body["at"] = value;
                return true;
            case "--weekly":
                body["kind"] = "weekly";
                return Days(value);
            case "--at":
                body["at"] = value;
                return true;
            case "--cron":
                body["kind"] = "cron";
                body["cron"] = value;
                return true;
            case "--tz":
                body["time_zone"] = value;
                return true;
            case "--run-as":
                body["run_as"] = value;
                return true;
            case "--arg" when value.IndexOf('=') > 0:
                values[value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..];
                return true;
            case "--arg":
                Error = $"--arg needs name=value, not '{value}'";
                return false;
            default:
                Error = $"unexpected option '{option}'";
                return false;
        }
    }

    public void Disable() => body["enabled"] = false;

    /// <summary>The request body, or null with <see cref="Error"/> when no schedule kind was given.</summary>
    public JsonObject? Build()
    {
        if (Error is not null)
        {
            return null;
        }

        if (body["kind"] is null)
        {
            Error = "say when it runs: --every 15m, --every 2h, --daily 09:00, --weekly mon,wed --at 09:00 or --cron EXPR";
            return null;
        }

        if (body["kind"]!.GetValue<string>() == "weekly" && body["at"] is null)
        {
            Error = "--weekly needs --at HH:mm";
            return null;
        }

        if (values.Count > 0)
        {
            body["arguments"] = values.DeepClone();
        }

        return body;
    }

    private bool Every(string value)
    {
        var unit = value.Length > 1 ? char.ToLowerInvariant(value[^1]) : ' ';
        if (unit is not ('m' or 'h') || !int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Error = $"--every takes minutes or hours like 15m or 2h, not '{value}'";
            return false;
        }

        body["kind"] = unit == 'm' ? "every_minutes" : "every_hours";
        body["every"] = n;
        return true;
    }

    private bool Days(string value)
    {
        var days = new JsonArray();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = part.ToLowerInvariant();
            IEnumerable<string> chosen = word switch
            {
                "weekdays" => DayNames[1..6],
                "weekend" => [DayNames[6], DayNames[0]],
                _ => DayNames.Where(d => word.Length >= 3 && d.StartsWith(word, StringComparison.Ordinal)).Take(1),
            };
            var list = chosen.ToList();
            if (list.Count == 0)
            {
                Error = $"'{part}' is not a day; use mon, tue, wed, thu, fri, sat, sun, weekdays or weekend";
                return false;
            }

            list.ForEach(d => days.Add(d));
        }

        body["days"] = days;
        return true;
    }
}
