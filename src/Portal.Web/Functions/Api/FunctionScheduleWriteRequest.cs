using System.Text.Json;
using Portal.Web.Functions.Schedules;

namespace Portal.Web.Functions.Api;

/// <summary>
/// Body of POST and PUT /api/v1/functions/{api_name}/schedules[/{id}]. On PUT every field left out keeps its value,
/// so <c>{"enabled": false}</c> switches a schedule off.
/// </summary>
internal sealed record FunctionScheduleWriteRequest
{
    public FunctionScheduleKind? Kind { get; init; }

    public int? Every { get; init; }

    public string? At { get; init; }

    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    public string? Cron { get; init; }

    public string? TimeZone { get; init; }

    /// <summary>The email of the user it runs as: the function's owner (the default) or the caller.</summary>
    public string? RunAs { get; init; }

    /// <summary>Argument values; strings are read like the Run tab's boxes, other JSON values by their text.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Arguments { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>Whether anything but <see cref="Enabled"/> was sent.</summary>
    public bool ChangesDefinition => Kind is not null || Every is not null || At is not null || Days is not null || Cron is not null
        || TimeZone is not null || RunAs is not null || Arguments is not null;

    public FunctionScheduleDefinition ApplyTo(FunctionScheduleDefinition current, string? runAsUserId) => current with
    {
        Kind = Kind ?? current.Kind,
        Every = Every ?? current.Every,
        At = At ?? current.At,
        Days = Days ?? current.Days,
        Cron = Cron ?? current.Cron,
        TimeZone = TimeZone ?? current.TimeZone,
        RunAsUserId = RunAs is null ? current.RunAsUserId : runAsUserId,
        Arguments = Arguments is null ? current.Arguments : Arguments.ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.OrdinalIgnoreCase),
        Enabled = Enabled ?? current.Enabled,
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
