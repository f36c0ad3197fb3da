using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Web.Integrations;

/// <summary>Reads pack definitions (JSON) and rejects any that could not run as written.</summary>
internal static partial class IntegrationPackLoader
{
    private const string ResourcePrefix = "Portal.Web.Integrations.Packs.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The packs compiled into the portal (Integrations/Packs/*.json).</summary>
    public static IReadOnlyList<IntegrationPack> LoadBuiltIn()
    {
        var assembly = typeof(IntegrationPackLoader).Assembly;
        var packs = new List<IntegrationPack>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            packs.Add(Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]));
        }

        var duplicate = packs.GroupBy(p => p.Namespace, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? packs : throw new InvalidDataException($"Two integration packs use the namespace '{duplicate.Key}'; give each pack its own namespace.");
    }

    /// <exception cref="InvalidDataException">The definition is not valid; the message lists every problem.</exception>
    public static IntegrationPack Parse(string json, string source)
    {
        IntegrationPack? pack;
        try
        {
            pack = JsonSerializer.Deserialize<IntegrationPack>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Integration pack {source} is not valid JSON for a pack definition: {e.Message}", e);
        }

        if (pack is null)
        {
            throw new InvalidDataException($"Integration pack {source} is empty; it needs a namespace, a display name and tasks.");
        }

        var problems = Validate(pack);
        return problems.Count == 0
            ? pack
            : throw new InvalidDataException($"Integration pack {source} is invalid: {string.Join("; ", problems)}.");
    }

    public static IReadOnlyList<string> Validate(IntegrationPack pack)
    {
        var problems = new List<string>();
        if (!NamespacePattern().IsMatch(pack.Namespace ?? "") || pack.Namespace!.StartsWith("standalone.", StringComparison.Ordinal))
        {
            problems.Add($"namespace '{pack.Namespace}' must be lower-case dotted words such as zoho.crm (and not standalone.*)");
        }

        if (string.IsNullOrWhiteSpace(pack.DisplayName))
        {
            problems.Add("displayName is missing");
        }

        if (pack.Services.Count == 0 || pack.Services.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("services must list at least one catalogue service id");
        }

        if (!pack.ApiPath.StartsWith('/') || !pack.ApiPath.EndsWith('/'))
        {
            problems.Add($"apiPath '{pack.ApiPath}' must start and end with '/'");
        }

        if (pack.Errors.Fields.Count == 0 || string.IsNullOrWhiteSpace(pack.Errors.Field))
        {
            problems.Add("errors must name the error fields and the field that marks an error");
        }

        if (pack.Tasks.Count == 0)
        {
            problems.Add("tasks is empty");
        }

        foreach (var duplicate in pack.Tasks.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"task '{duplicate.Key}' is defined twice");
        }

        foreach (var task in pack.Tasks)
        {
            ValidateTask(task, problems);
        }

        if (pack.Test is { } test)
        {
            var task = pack.FindTask(test.Task);
            if (task is null || task.Method != "GET")
            {
                problems.Add($"test task '{test.Task}' must be one of the pack's GET tasks (a test must not change data)");
            }
        }

        return problems;
    }

    private static void ValidateTask(IntegrationTask task, List<string> problems)
    {
        var where = $"task '{task.Name}'";
        if (!IdentifierPattern().IsMatch(task.Name ?? ""))
        {
            problems.Add($"{where}: the name must be an identifier such as getRecords");
        }

        if (task.Method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            problems.Add($"{where}: method '{task.Method}' must be GET, POST, PUT, PATCH or DELETE");
        }

        if (task.Returns is not ("LIST" or "MAP" or "TEXT"))
        {
            problems.Add($"{where}: returns must be LIST, MAP or TEXT");
        }

        var parameters = new Dictionary<string, IntegrationParameter>(StringComparer.Ordinal);
        var seenOptional = false;
        foreach (var parameter in task.Parameters)
        {
            if (!IdentifierPattern().IsMatch(parameter.Name ?? "") || !parameters.TryAdd(parameter.Name!, parameter))
            {
                problems.Add($"{where}: parameter '{parameter.Name}' must be a unique identifier");
            }

            if (!IntegrationParameter.Types.Contains(parameter.Type ?? ""))
            {
                problems.Add($"{where}: parameter '{parameter.Name}' has type '{parameter.Type}'; use TEXT, NUMBER, MAP, LIST, ID or FILE");
            }

            if (seenOptional && !parameter.Optional)
            {
                problems.Add($"{where}: required parameter '{parameter.Name}' follows an optional one");
            }

            seenOptional |= parameter.Optional;
            if (parameter.Default is not null && !DefaultFits(parameter))
            {
                problems.Add($"{where}: the default of '{parameter.Name}' is not a {parameter.Type}");
            }
        }

        var templates = new List<string> { task.Path };
        templates.AddRange(task.Query.Values);
        templates.AddRange(BodyStrings(task.Body));
        foreach (var name in templates.SelectMany(t => PlaceholderPattern().Matches(t ?? "").Select(m => m.Groups[1].Value)).Distinct())
        {
            if (!parameters.ContainsKey(name))
            {
                problems.Add($"{where}: {{{name}}} is not one of its parameters");
            }
        }

        var multipart = task.Multipart?.Values.ToList() ?? [];
        foreach (var name in multipart.SelectMany(t => PlaceholderPattern().Matches(t ?? "").Select(m => m.Groups[1].Value)).Distinct())
        {
            if (!parameters.ContainsKey(name))
            {
                problems.Add($"{where}: {{{name}}} is not one of its parameters");
            }
        }

        var outsideMultipart = templates.SelectMany(t => PlaceholderPattern().Matches(t ?? "").Select(m => m.Groups[1].Value));
        foreach (var name in outsideMultipart.Where(n => parameters.GetValueOrDefault(n)?.Type == "FILE").Distinct())
        {
            problems.Add($"{where}: FILE parameter '{name}' can only be sent in multipart");
        }

        if (task.Multipart is not null && (task.Body is not null || task.BodyMap is not null))
        {
            problems.Add($"{where}: a task sends either a JSON body (body, bodyMap) or multipart, not both");
        }

        if (task.Multipart is not null && task.Method is "GET" or "DELETE")
        {
            problems.Add($"{where}: a {task.Method} request cannot have a multipart body");
        }

        foreach (var (key, name) in new[] { ("queryMap", task.QueryMap), ("bodyMap", task.BodyMap) })
        {
            if (name is not null && parameters.GetValueOrDefault(name)?.Type != "MAP")
            {
                problems.Add($"{where}: {key} '{name}' must name a MAP parameter");
            }
        }

        if ((task.Body is not null || task.BodyMap is not null) && task.Method is "GET" or "DELETE")
        {
            problems.Add($"{where}: a {task.Method} request cannot have a body");
        }

        if (!PathPattern().IsMatch(task.Response.Extract) || (task.Response.ItemError is { } item && !PathPattern().IsMatch(item)))
        {
            problems.Add($"{where}: response paths look like data, data[0] or data[0].details");
        }

        if (task.Response.Empty is not ("LIST" or "MAP" or "TEXT"))
        {
            problems.Add($"{where}: response.empty must be LIST, MAP or TEXT");
        }
    }

    private static bool DefaultFits(IntegrationParameter parameter) => (parameter.Type, parameter.Default!.GetValueKind()) switch
    {
        ("TEXT", JsonValueKind.String) or ("NUMBER", JsonValueKind.Number) or ("MAP", JsonValueKind.Object) or ("LIST", JsonValueKind.Array) => true,
        ("ID", JsonValueKind.String or JsonValueKind.Number) => true,
        _ => false,
    };

    private static IEnumerable<string> BodyStrings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => BodyStrings(p.Value)),
        JsonArray array => array.SelectMany(BodyStrings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    [GeneratedRegex(@"^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    internal static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*(\[\d+\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?)*)?$")]
    private static partial Regex PathPattern();
}
