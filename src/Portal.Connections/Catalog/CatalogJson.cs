using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Connections.Catalog;

internal static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    public static string WriteList(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToList(), Options);
}
