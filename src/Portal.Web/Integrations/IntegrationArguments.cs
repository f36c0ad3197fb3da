using System.Text.Json;
using Portal.Scripting;
using Portal.Scripting.Values;

namespace Portal.Web.Integrations;

/// <summary>A task call's arguments checked against its parameters; errors name the parameter (the script can catch them).</summary>
internal sealed record IntegrationArguments(IReadOnlyDictionary<string, ScriptValue> Values, string? ConnectionLinkName)
{
    /// <exception cref="ScriptHostException">Too many or too few arguments, or one of the wrong type.</exception>
    public static IntegrationArguments Bind(IntegrationPack pack, IntegrationTask task, IReadOnlyList<ScriptValue> arguments)
    {
        var call = $"{pack.Namespace}.{task.Name}";
        var parameters = task.Parameters;
        string? connection = null;
        var count = arguments.Count;
        if (pack.ConnectionArgument && count == parameters.Count + 1)
        {
            connection = arguments[^1] is ScriptText { Value.Length: > 0 } text
                ? text.Value
                : throw new ScriptHostException($"{call}: the last argument is the connection's link name and must be TEXT, but got {arguments[^1].TypeName}; pass it as a text such as \"crm_connection\"");
            count--;
        }

        if (count > parameters.Count)
        {
            var extra = pack.ConnectionArgument ? " plus an optional connection name" : "";
            throw new ScriptHostException($"{call} takes at most {parameters.Count} arguments ({string.Join(", ", parameters.Select(p => p.Name))}){extra}, but got {arguments.Count}; call it as {pack.Namespace}.{task.Signature}");
        }

        var values = new Dictionary<string, ScriptValue>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var value = i < count ? arguments[i] : ScriptValue.Null;
            if (value is ScriptNull && parameter.Default is { } fallback)
            {
                value = ScriptValue.FromJson(JsonSerializer.SerializeToElement(fallback));
            }

            if (value is ScriptNull)
            {
                if (!parameter.Optional)
                {
                    throw new ScriptHostException(i < count
                        ? $"{call}: argument '{parameter.Name}' is null; it needs a {Describe(parameter.Type)} ({parameter.Doc})"
                        : $"{call} needs the argument '{parameter.Name}' ({Describe(parameter.Type)}); call it as {pack.Namespace}.{task.Signature}");
                }

                values[parameter.Name] = value;
                continue;
            }

            values[parameter.Name] = Check(call, parameter, value);
        }

        return new IntegrationArguments(values, connection);
    }

    private static ScriptValue Check(string call, IntegrationParameter parameter, ScriptValue value)
    {
        var fits = (parameter.Type, value) switch
        {
            ("TEXT", ScriptText) or ("MAP", ScriptMap) or ("LIST", ScriptList) or ("NUMBER", ScriptNumber) => true,
            ("NUMBER", ScriptDecimal d) => d.Value == decimal.Truncate(d.Value),
            ("ID", ScriptText { Value.Length: > 0 }) or ("ID", ScriptNumber) => true,
            ("FILE", ScriptFile) => true,
            _ => false,
        };
        if (fits)
        {
            return value;
        }

        var hint = parameter.Type switch
        {
            "MAP" => "; build it with Map() and put() or {\"Field\": value}",
            "NUMBER" => "; convert it with toNumber()",
            "ID" => "; use the record's \"id\" (for example rec.get(\"id\"))",
            "FILE" => "; download the file with invokeUrl (a binary answer is a FILE) or make one with toFile(text, \"name.txt\")",
            _ => "",
        };
        throw new ScriptHostException($"{call}: argument '{parameter.Name}' must be {Describe(parameter.Type)} but got {value.TypeName} ({Shorten(value)}){hint}");
    }

    private static string Describe(string type) => type switch
    {
        "ID" => "a record id (TEXT or NUMBER)",
        "NUMBER" => "a whole NUMBER",
        "FILE" => "a FILE",
        _ => $"a {type}",
    };

    private static string Shorten(ScriptValue value)
    {
        var text = value.ToDisplayString();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
