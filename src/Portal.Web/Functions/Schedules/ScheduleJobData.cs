using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using Portal.Web.Functions.Running;
using Quartz;

namespace Portal.Web.Functions.Schedules;

/// <summary>
/// Where a schedule lives in Quartz's tables: one durable job per schedule in the group <c>function-{id}</c>, holding
/// the function and the latest firing; its one trigger holds the definition. Edits replace the trigger only, so a
/// firing that finishes during an edit (and writes the job's data back) never overwrites the new definition.
/// </summary>
internal static class ScheduleJobData
{
    public const string FunctionId = "functionId";
    public const string Definition = "definition";
    public const string LastAt = "lastAt";
    public const string LastRunId = "lastRunId";
    public const string LastStatus = "lastStatus";
    public const string LastMessage = "lastMessage";
    public const string LastInstance = "lastInstance";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Group(int functionId) => "function-" + functionId.ToString(CultureInfo.InvariantCulture);

    public static JobKey Job(int functionId, string scheduleId) => new(scheduleId, Group(functionId));

    public static TriggerKey Trigger(int functionId, string scheduleId) => new(scheduleId, Group(functionId));

    public static string Write(FunctionScheduleDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public static FunctionScheduleDefinition? Read(JobDataMap map) =>
        map.TryGetString(Definition, out var text) && text is { Length: > 0 } ? JsonSerializer.Deserialize<FunctionScheduleDefinition>(text, Json) : null;

    public static FunctionScheduleLastRun? LastRun(JobDataMap map)
    {
        if (!map.TryGetString(LastAt, out var at) || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
        {
            return null;
        }

        long? runId = map.TryGetString(LastRunId, out var id) && long.TryParse(id, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        FunctionRunStatus? status = map.TryGetString(LastStatus, out var s) && Enum.TryParse<FunctionRunStatus>(s, out var st) ? st : null;
        map.TryGetString(LastMessage, out var message);
        map.TryGetString(LastInstance, out var instance);
        return new FunctionScheduleLastRun(when, runId, status, string.IsNullOrEmpty(message) ? null : message) { Instance = instance };
    }

    public static void SetLastRun(JobDataMap map, FunctionScheduleLastRun last)
    {
        map[LastAt] = last.At.ToString("O", CultureInfo.InvariantCulture);
        map[LastRunId] = last.RunId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        map[LastStatus] = last.Status?.ToString() ?? string.Empty;
        map[LastMessage] = last.Message ?? string.Empty;
        map[LastInstance] = last.Instance ?? string.Empty;
    }
}
