using System.Text.Json;

namespace Portal.Sandbox.Apis;

/// <summary>Reads row cells from JSON (<c>{"Col":"v"}</c> or <c>{"values":{…}}</c>) or from a form post, as invokeUrl sends either.</summary>
internal static class RowValuesReader
{
    private const int MaxColumns = 50;
    private const int MaxValueLength = 2_000;

    public static async Task<(Dictionary<string, string>? Values, string? Problem)> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                values[key] = value.ToString();
            }
        }
        else
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return (null, "The body is not valid JSON. Send an object such as {\"Month\":\"March\",\"Amount\":\"42\"}.");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("values", out var nested) && nested.ValueKind == JsonValueKind.Object)
                {
                    root = nested;
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    return (null, "The body must be a JSON object of column names and values, such as {\"Month\":\"March\"}.");
                }

                foreach (var property in root.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }

        if (values.Count == 0)
        {
            return (null, "The row has no values. Send at least one column, such as {\"Month\":\"March\"}.");
        }

        if (values.Count > MaxColumns || values.Any(pair => pair.Key.Length is 0 or > 100 || pair.Value.Length > MaxValueLength))
        {
            return (null, $"A row holds at most {MaxColumns} columns with names up to 100 and values up to {MaxValueLength} characters. Shorten the row and retry.");
        }

        return (values, null);
    }
}
