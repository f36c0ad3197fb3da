using Portal.Scripting.Catalog;

namespace Portal.Web.Functions.Editor;

/// <summary>
/// What the editor offers, built from the language's one registry (<see cref="BuiltinCatalog"/>): keywords, functions,
/// .methods with signatures, docs and examples, system values, plus the invokeUrl keys and snippet and the integration tasks.
/// </summary>
public static class DelugeCompletionCatalog
{
    public static IReadOnlyList<DelugeCompletionItem> Items { get; } = Build();

    /// <summary>The receiver names used in <see cref="DelugeCompletionItem.AppliesTo"/>.</summary>
    public static string ReceiverName(BuiltinReceiver receiver) => receiver switch
    {
        BuiltinReceiver.DateTime => "date",
        _ => receiver.ToString().ToLowerInvariant(),
    };

    private static List<DelugeCompletionItem> Build()
    {
        var items = new List<DelugeCompletionItem>();
        foreach (var entry in BuiltinCatalog.All)
        {
            switch (entry.Receiver)
            {
                case BuiltinReceiver.Keyword:
                    items.Add(new("keyword", entry.Name, entry.Name, entry.Signature, entry.Doc));
                    break;
                case BuiltinReceiver.SystemValue:
                    items.Add(new("value", entry.Name, entry.Name, $"{entry.Name} → {entry.Result}", entry.Doc));
                    break;
                case BuiltinReceiver.Global:
                    items.Add(new("function", entry.Name, entry.Name + "($0)", $"{entry.Signature} → {entry.Result}", Documented(entry)));
                    break;
            }
        }

        foreach (var group in BuiltinCatalog.All.Where(e => e.IsMethod).GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase))
        {
            var entries = group.ToList();
            var first = entries[0];
            var signature = string.Join(" / ", entries.Select(e => $"{e.Signature} → {e.Result}").Distinct());
            var doc = entries.Select(e => e.Doc).Distinct().Count() == 1
                ? Documented(first)
                : string.Join("  \n", entries.Select(e => $"**{ReceiverName(e.Receiver)}**: {Documented(e)}"));
            items.Add(new("method", first.Name, first.MaxArgs == 0 ? first.Name + "()" : first.Name + "($0)", signature, doc,
                string.Join(' ', entries.Select(e => ReceiverName(e.Receiver)))));
        }

        foreach (var (key, doc) in new[]
                 {
                     ("url", "The address to call (text)."),
                     ("type", "GET (default), POST, PUT, PATCH or DELETE."),
                     ("headers", "A MAP of request headers."),
                     ("parameters", "A MAP (query or form/JSON body) or TEXT body."),
                     ("body", "A raw TEXT body (alternative to parameters)."),
                     ("content-type", "The body's content type, e.g. \"application/json\"."),
                     ("connection", "Link name of a connection; the portal adds the credentials."),
                     ("detailed", "true → a MAP with responseCode, responseHeader, responseText."),
                 })
        {
            items.Add(new("taskKey", key, key + ": ", key + ":", doc));
        }

        items.Add(new(
            "snippet",
            "invokeUrl",
            "response = invokeUrl\n[\n\turl: \"${1:https://}\"\n\ttype: ${2:GET}\n];\ninfo response;\n",
            "invokeUrl [ url: … type: … ]",
            "Calls an HTTP API. Add `connection: \"link_name\"` to sign the request with a connection."));
        var standalone = BuiltinCatalog.Find("standalone").Single();
        items.Add(new("keyword", "standalone", "standalone.", standalone.Signature, standalone.Doc));
        items.AddRange(IntegrationCompletions.For(Integrations.IntegrationPackLoader.LoadBuiltIn()));
        return items;
    }

    private static string Documented(BuiltinEntry entry) =>
        entry.Example.Length == 0 ? entry.Doc : $"{entry.Doc}  \nExample: `{entry.Example}` → `{entry.ExampleResult}`";
}
