using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Checks one record of a write (mandatory fields, numbers, dates, lookups) and merges it into the stored fields.</summary>
internal static class CrmFieldRules
{
    /// <param name="existing">The stored fields for an update; <c>null</c> for a create.</param>
    /// <returns>The fields to store, or a Zoho per-record error entry.</returns>
    public static async Task<(JsonObject? Fields, JsonObject? Error)> ApplyAsync(
        CrmModule module, JsonNode? input, JsonObject? existing, CrmRecordStore store, CancellationToken ct)
    {
        if (input is not JsonObject changes)
        {
            return (null, Invalid(new JsonObject { ["expected_data_type"] = "jsonobject" }, "each entry of data must be a JSON object of fields"));
        }

        var fields = existing?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in changes)
        {
            // System fields are set by the store; "$…" keys are Zoho's read-only meta fields.
            if (CrmJson.SystemFields.Contains(name) || name.StartsWith('$'))
            {
                continue;
            }

            fields[name] = value?.DeepClone();
        }

        foreach (var mandatory in module.MandatoryFields)
        {
            if (fields[mandatory] is null || (fields[mandatory] is JsonValue value && CrmValues.Text(value) is "" or null))
            {
                return (null, CrmJson.Error("MANDATORY_NOT_FOUND", new JsonObject { ["api_name"] = mandatory }, "required field not found"));
            }
        }

        foreach (var number in module.NumberFields)
        {
            if (fields[number] is { } node && node.GetValueKind() != JsonValueKind.Number)
            {
                return (null, Invalid(TypeDetails(number, "double"), $"{number} must be a number, e.g. 1500.5"));
            }
        }

        foreach (var date in module.DateFields)
        {
            if (fields[date] is { } node && !IsDate(node))
            {
                return (null, Invalid(TypeDetails(date, "date"), $"{date} must be a date written yyyy-MM-dd"));
            }
        }

        foreach (var (lookup, target) in module.Lookups)
        {
            if (fields[lookup] is null)
            {
                continue;
            }

            var resolved = await ResolveLookupAsync(fields[lookup]!, CrmModules.Find(target)!, store, ct);
            if (resolved is null)
            {
                return (null, Invalid(TypeDetails(lookup, "lookup"), $"{lookup} must name an existing {target} record as {{\"id\":\"…\"}}"));
            }

            fields[lookup] = resolved;
        }

        return (fields, null);
    }

    /// <summary>Accepts <c>{"id":"…"}</c> (name optional) or the bare id, and answers Zoho's <c>{"name","id"}</c>.</summary>
    private static async Task<JsonObject?> ResolveLookupAsync(JsonNode value, CrmModule target, CrmRecordStore store, CancellationToken ct)
    {
        var idText = value switch
        {
            JsonObject lookup when lookup["id"] is JsonValue id => CrmValues.Text(id),
            JsonValue bare => CrmValues.Text(bare),
            _ => null,
        };
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId)
            || await store.FindAsync(target, recordId, ct) is not { } record)
        {
            return null;
        }

        return new JsonObject { ["name"] = target.DisplayName(CrmJson.Fields(record)), ["id"] = idText };
    }

    private static bool IsDate(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static JsonObject TypeDetails(string field, string type) =>
        new() { ["api_name"] = field, ["expected_data_type"] = type };

    private static JsonObject Invalid(JsonObject details, string hint)
    {
        details["hint"] = hint;
        return CrmJson.Error("INVALID_DATA", details, "invalid data");
    }
}
