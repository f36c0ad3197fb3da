namespace Portal.Web.Functions.Schedules;

/// <summary>Normalizes a definition sent by the dialog, the API or the CLI, and says what is wrong with it.</summary>
internal static class ScheduleDefinitionCheck
{
    public static async Task<(FunctionScheduleDefinition? Definition, string? Error)> CheckAsync(
        FunctionScheduleDefinition definition, FunctionEntity function, string callerId, string defaultTimeZone, ScheduleRunAs runAs, DateTimeOffset now, CancellationToken ct)
    {
        var kind = definition.Kind;
        var normalized = new FunctionScheduleDefinition
        {
            Kind = kind,
            Every = kind is FunctionScheduleKind.EveryMinutes or FunctionScheduleKind.EveryHours ? definition.Every : null,
            At = kind is FunctionScheduleKind.Daily or FunctionScheduleKind.Weekly && ScheduleTriggers.TryTime(definition.At, out var at) ? at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : kind is FunctionScheduleKind.Daily or FunctionScheduleKind.Weekly ? definition.At : null,
            Days = kind == FunctionScheduleKind.Weekly ? [.. (definition.Days ?? []).Distinct().OrderBy(d => ((int)d + 6) % 7)] : [],
            Cron = kind == FunctionScheduleKind.Cron ? definition.Cron?.Trim() : null,
            TimeZone = string.IsNullOrWhiteSpace(definition.TimeZone) ? defaultTimeZone : definition.TimeZone.Trim(),
            RunAsUserId = string.IsNullOrWhiteSpace(definition.RunAsUserId) || definition.RunAsUserId == function.OwnerUserId ? null : definition.RunAsUserId.Trim(),
            Arguments = new Dictionary<string, string>(definition.Arguments ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
            Enabled = definition.Enabled,
        };
        if (ScheduleTriggers.Validate(normalized, now) is { } invalid)
        {
            return (null, invalid);
        }

        if (ArgumentError(normalized.Arguments, FunctionMapping.ReadArguments(function.ArgumentsJson)) is { } badArgument)
        {
            return (null, badArgument);
        }

        // Running as someone else would spend their connections' authorizations without them (SEC-36).
        var runAsId = normalized.RunAsUserId ?? function.OwnerUserId;
        if (runAsId != function.OwnerUserId && runAsId != callerId)
        {
            return (null, "A schedule runs as the function's owner or as the person who sets it up; choose one of them.");
        }

        var (_, refusal) = await runAs.CreateAsync(runAsId, ct);
        return refusal is null ? (normalized, null) : (null, refusal.Replace("so it did not run", "so the schedule cannot run as them", StringComparison.Ordinal));
    }

    private static string? ArgumentError(IReadOnlyDictionary<string, string> values, IReadOnlyList<FunctionArgument> declared)
    {
        foreach (var (name, text) in values)
        {
            var argument = declared.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (argument is null)
            {
                return declared.Count == 0
                    ? $"The function takes no arguments, but the schedule gives '{name}'. Remove it."
                    : $"The function has no argument '{name}'; its arguments are {string.Join(", ", declared.Select(a => a.Name))}.";
            }

            if (!FunctionArgumentValues.TryParse(argument.Type, text, out _, out var error))
            {
                return $"Argument '{argument.Name}' ({argument.Type}): {error}";
            }
        }

        return null;
    }
}
