using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Web.Integrations;

/// <summary>Fills a task's path, query and body templates with bound arguments.</summary>
internal static class IntegrationRequestBuilder
{
    public static IntegrationRequest Build(IntegrationTask task, IntegrationArguments arguments)
    {
        var values = arguments.Values;
        var url = new StringBuilder(Fill(task.Path, values, Uri.EscapeDataString));
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (name, template) in task.Query)
        {
            if (IsWholePlaceholder(template, out var parameter) && values.GetValueOrDefault(parameter) is null or ScriptNull)
            {
                continue;
            }

            query.Add(new(name, Fill(template, values, v => v)));
        }

        if (task.QueryMap is { } queryMap && values.GetValueOrDefault(queryMap) is ScriptMap extra)
        {
            foreach (var (name, value) in extra.Pairs)
            {
                query.RemoveAll(q => q.Key == name);
                query.Add(new(name, Text(value)));
            }
        }

        for (var i = 0; i < query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        if (task.Multipart is { } fields)
        {
            var form = new MultipartFormData();
            foreach (var (name, template) in fields)
            {
                if (IsWholePlaceholder(template, out var parameter) && values.GetValueOrDefault(parameter) is var argument and (null or ScriptNull or ScriptFile))
                {
                    if (argument is ScriptFile file)
                    {
                        form.AddFile(name, file);
                    }

                    continue;
                }

                form.AddText(name, Fill(template, values, v => v));
            }

            return new IntegrationRequest(task.Method, url.ToString(), null)
            {
                MultipartBody = form.ToArray(),
                MultipartContentType = form.ContentType,
                MultipartPreview = form.Preview(),
            };
        }

        return new IntegrationRequest(task.Method, url.ToString(), BuildBody(task, values));
    }

    private static string? BuildBody(IntegrationTask task, IReadOnlyDictionary<string, ScriptValue> values)
    {
        if (task.Body is null && task.BodyMap is null)
        {
            return null;
        }

        var body = task.Body is null ? new JsonObject() : (JsonObject)Fill(task.Body, values)!;
        if (task.BodyMap is { } bodyMap && values.GetValueOrDefault(bodyMap) is ScriptMap options)
        {
            foreach (var (name, value) in options.Pairs)
            {
                body[name] = JsonNode.Parse(value.ToJson());
            }
        }

        return body.ToJsonString();
    }

    // Builds a new tree: template nodes already have parents and cannot be moved.
    private static JsonNode? Fill(JsonNode? node, IReadOnlyDictionary<string, ScriptValue> values)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    copy[name] = Fill(child, values);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    items.Add(Fill(child, values));
                }

                return items;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (IsWholePlaceholder(text, out var parameter))
                {
                    var argument = values.GetValueOrDefault(parameter) ?? ScriptValue.Null;
                    return argument is ScriptNull ? null : JsonNode.Parse(argument.ToJson());
                }

                return JsonValue.Create(Fill(text, values, v => v));
            default:
                return node?.DeepClone();
        }
    }

    private static string Fill(string template, IReadOnlyDictionary<string, ScriptValue> values, Func<string, string> encode) =>
        IntegrationPackLoader.PlaceholderPattern().Replace(template, m => encode(Text(values.GetValueOrDefault(m.Groups[1].Value) ?? ScriptValue.Null)));

    private static bool IsWholePlaceholder(string template, out string parameter)
    {
        var match = IntegrationPackLoader.PlaceholderPattern().Match(template);
        parameter = match.Groups[1].Value;
        return match.Success && match.Length == template.Length;
    }

    // Query values: text as is, numbers plainly, lists comma-joined (Zoho's fields=A,B), anything else as JSON.
    private static string Text(ScriptValue value) => value switch
    {
        ScriptNull => "",
        ScriptText text => text.Value,
        ScriptNumber number => number.Value.ToString(CultureInfo.InvariantCulture),
        ScriptDecimal d => d.Value.ToString(CultureInfo.InvariantCulture),
        ScriptList list => string.Join(",", list.AsReadOnly().Select(Text)),
        _ => value.ToJson(),
    };
}
