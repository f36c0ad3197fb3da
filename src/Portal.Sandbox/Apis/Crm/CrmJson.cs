using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>The JSON shapes of Zoho CRM v8 answers: records, write results and list info.</summary>
internal static class CrmJson
{
    public const string Id = "id";
    public const string Owner = "Owner";
    public const string CreatedTime = "Created_Time";
    public const string ModifiedTime = "Modified_Time";
    public const string CreatedBy = "Created_By";
    public const string ModifiedBy = "Modified_By";

    /// <summary>Fields a client cannot write: the store sets them.</summary>
    public static IReadOnlyList<string> SystemFields { get; } = [Id, Owner, CreatedTime, ModifiedTime, CreatedBy, ModifiedBy];

    /// <summary>ISO 8601 with offset and whole seconds, e.g. <c>2026-11-28T13:40:00+00:00</c>.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static JsonObject User(CrmUserRef user) => new() { ["name"] = user.Name, ["id"] = user.Id, ["email"] = user.Email };

    public static JsonObject Fields(CrmRecord record) => JsonNode.Parse(record.FieldsJson) as JsonObject ?? [];

    /// <summary>The record as the API returns it; <paramref name="only"/> limits the fields (the <c>id</c> always stays).</summary>
    public static JsonObject Record(CrmRecord record, IReadOnlyCollection<string>? only = null)
    {
        var json = new JsonObject { [Id] = record.Id.ToString(CultureInfo.InvariantCulture), [Owner] = User(record.Owner) };
        foreach (var (name, value) in Fields(record))
        {
            json[name] = value?.DeepClone();
        }

        json[CreatedTime] = Time(record.CreatedTime);
        json[ModifiedTime] = Time(record.ModifiedTime);
        json[CreatedBy] = User(record.CreatedBy);
        json[ModifiedBy] = User(record.ModifiedBy);
        if (only is null)
        {
            return json;
        }

        var trimmed = new JsonObject();
        foreach (var (name, value) in json)
        {
            if (name == Id || only.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                trimmed[name] = value?.DeepClone();
            }
        }

        return trimmed;
    }

    /// <summary>The <c>details</c> of a successful create or update, in Zoho's order.</summary>
    public static JsonObject WriteDetails(CrmRecord record) => new()
    {
        [ModifiedTime] = Time(record.ModifiedTime),
        [ModifiedBy] = User(record.ModifiedBy),
        [CreatedTime] = Time(record.CreatedTime),
        [Id] = record.Id.ToString(CultureInfo.InvariantCulture),
        [CreatedBy] = User(record.CreatedBy),
    };

    public static JsonObject Success(JsonObject details, string message) => new()
    {
        ["code"] = "SUCCESS",
        ["details"] = details,
        ["message"] = message,
        ["status"] = "success",
    };

    public static JsonObject Error(string code, JsonObject details, string message) => new()
    {
        ["code"] = code,
        ["details"] = details,
        ["message"] = message,
        ["status"] = "error",
    };
}
