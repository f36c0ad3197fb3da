using System.Text.RegularExpressions;
using Portal.Scripting.Values;

namespace Portal.Web.Integrations;

/// <summary>Turns an answer into the task's value: the extracted data, an empty LIST/MAP, or the provider's error map.</summary>
internal static partial class IntegrationResponseReader
{
    public static ScriptValue Read(IntegrationPack pack, IntegrationTask task, int statusCode, string body)
    {
        var rule = task.Response;
        if (string.IsNullOrWhiteSpace(body))
        {
            return statusCode < 400 ? Empty(rule.Empty) : SyntheticError(pack, statusCode, $"the service answered HTTP {statusCode} without details");
        }

        ScriptValue root;
        try
        {
            root = ScriptValue.ParseJson(body);
        }
        catch (FormatException)
        {
            var excerpt = body.Length > 200 ? body[..200] + "…" : body;
            return SyntheticError(pack, statusCode, statusCode < 400 ? $"the service answered with something that is not JSON: {excerpt}" : excerpt);
        }

        if (IsError(pack, root))
        {
            return ErrorMap(pack, (ScriptMap)root);
        }

        if (rule.ItemError is { } itemPath && Select(root, itemPath) is { } item && IsError(pack, item))
        {
            return ErrorMap(pack, (ScriptMap)item);
        }

        if (statusCode >= 400)
        {
            return root is ScriptMap map && map["code"] is not null ? ErrorMap(pack, map) : SyntheticError(pack, statusCode, $"the service answered HTTP {statusCode}");
        }

        return Select(root, rule.Extract) ?? Empty(rule.Empty);
    }

    /// <summary>Follows a path such as data[0].details; null when any step is missing.</summary>
    public static ScriptValue? Select(ScriptValue root, string path)
    {
        var current = root;
        foreach (Match step in StepPattern().Matches(path))
        {
            if (current is not ScriptMap map || map[step.Groups[1].Value] is not { } next)
            {
                return null;
            }

            current = next;
            if (step.Groups[2].Success)
            {
                var index = int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (current is not ScriptList list || index >= list.Count)
                {
                    return null;
                }

                current = list[index];
            }
        }

        return current;
    }

    private static bool IsError(IntegrationPack pack, ScriptValue value) =>
        value is ScriptMap map && map[pack.Errors.Field] is ScriptText text && string.Equals(text.Value, pack.Errors.EqualsValue, StringComparison.OrdinalIgnoreCase);

    private static ScriptMap ErrorMap(IntegrationPack pack, ScriptMap source)
    {
        var error = ScriptValue.Map();
        foreach (var field in pack.Errors.Fields)
        {
            error.Set(field, source[field] ?? (field == "details" ? ScriptValue.Map() : ScriptValue.Null));
        }

        error.Set(pack.Errors.Field, ScriptValue.Text(pack.Errors.EqualsValue));
        return error;
    }

    private static ScriptMap SyntheticError(IntegrationPack pack, int statusCode, string message)
    {
        var source = ScriptValue.Map();
        source.Set("code", ScriptValue.Text(statusCode >= 400 ? $"HTTP_{statusCode}" : "INVALID_RESPONSE"));
        source.Set("message", ScriptValue.Text(message));
        source.Set("details", ScriptValue.Map([new("http_status", ScriptValue.Number(statusCode))]));
        return ErrorMap(pack, source);
    }

    private static ScriptValue Empty(string kind) => kind switch
    {
        "LIST" => ScriptValue.List(),
        "TEXT" => ScriptValue.Text(""),
        _ => ScriptValue.Map(),
    };

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")]
    private static partial Regex StepPattern();
}
