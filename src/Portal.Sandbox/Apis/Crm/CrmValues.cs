using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Reads and compares field values the way Zoho search does: case-insensitive text, numbers and dates by value.</summary>
internal static class CrmValues
{
    private static readonly string[] LookupParts = ["name", "id", "email"];

    /// <summary>The texts a field offers to a comparison; a lookup or user offers its name, id and email.</summary>
    public static IReadOnlyList<string> Candidates(JsonObject record, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && Property(record, field[..dot]) is JsonObject inner)
        {
            // Zoho's "Owner.id" / "Account_Name.name" style picks one part of a lookup.
            return Candidates(inner, field[(dot + 1)..]);
        }

        return Property(record, field) switch
        {
            JsonValue value => Text(value) is { } text ? [text] : [],
            JsonObject lookup => [.. LookupParts
                .Select(key => lookup[key] is JsonValue part ? Text(part) : null)
                .OfType<string>()],
            JsonArray list => [.. list.OfType<JsonValue>().Select(Text).OfType<string>()],
            _ => [],
        };
    }

    public static bool AreEqual(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase)
        || (Number(left) is { } a && Number(right) is { } b && a == b);

    /// <summary>Numbers by value, then ISO dates and times by instant, otherwise text ignoring case.</summary>
    public static int Compare(string left, string right)
    {
        if (Number(left) is { } a && Number(right) is { } b)
        {
            return a.CompareTo(b);
        }

        if (Instant(left) is { } x && Instant(right) is { } y)
        {
            return x.CompareTo(y);
        }

        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    public static string? Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    // decimal, not double: 19-digit record ids must not collapse into one value.
    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Instant(string text) =>
        text.Length >= 10 && char.IsDigit(text[0])
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    private static JsonNode? Property(JsonObject record, string name) =>
        record.TryGetPropertyValue(name, out var exact)
            ? exact
            : record.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
