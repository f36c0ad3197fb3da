namespace Portal.Web.Functions;

/// <summary>
/// What the editor offers: keywords, global functions, .methods with signatures and docs, system values,
/// invokeUrl keys and snippet. Mirrors DELUGE.md "Built-ins"; the engine has no public catalog yet.
/// </summary>
public static class DelugeCompletionCatalog
{
    public static IReadOnlyList<DelugeCompletionItem> Items { get; } = Build();

    private static List<DelugeCompletionItem> Build()
    {
        var items = new List<DelugeCompletionItem>();
        foreach (var keyword in new[] { "if", "else", "for each", "in", "index", "return", "info", "try", "catch", "break", "continue", "true", "false", "null" })
        {
            items.Add(new("keyword", keyword, keyword, keyword, $"Keyword `{keyword}`."));
        }

        void Fn(string name, string args, string doc) => items.Add(new("function", name, name + "($0)", $"{name}({args})", doc));
        Fn("Map", "", "Creates an empty MAP (key-value, insertion-ordered).");
        Fn("List", "", "Creates an empty LIST.");
        Fn("Collection", "", "Creates an empty collection (a LIST or MAP depending on use).");
        Fn("ifnull", "value, alternative", "Returns `alternative` when `value` is null, else `value`.");
        Fn("isNull", "value", "True when the value is null.");
        Fn("isBlank", "value", "True when the value is null or empty text.");
        Fn("encodeUrl", "text", "URL-encodes text (space → `+`).");
        Fn("urlEncode", "text", "URL-encodes text (space → `%20`).");
        Fn("urlDecode", "text", "Decodes URL-encoded text.");
        Fn("toJSONList", "text", "Parses a JSON array text into a LIST.");
        Fn("len", "value", "Length of a TEXT, LIST or MAP.");
        Fn("randomNumber", "from, to", "A random whole number between `from` and `to` (inclusive).");
        Fn("min", "a, b", "The smaller of two numbers.");
        Fn("max", "a, b", "The larger of two numbers.");
        Fn("zoho.encryption.base64Encode", "text", "Base64-encodes text (UTF-8).");
        Fn("zoho.encryption.base64Decode", "text", "Decodes Base64 text.");
        Fn("zoho.encryption.urlEncode", "text", "URL-encodes text.");
        Fn("zoho.encryption.urlDecode", "text", "Decodes URL-encoded text.");
        Fn("zoho.encryption.hmacsha256", "key, message, \"base64\"|\"hex\"", "HMAC-SHA256 of `message` with `key`, as base64 or hex.");

        foreach (var value in new[] { "currenttime", "currentdate", "loginuser", "loginuserid", "adminuser" })
        {
            var doc = value switch
            {
                "currenttime" => "The current date-time.",
                "currentdate" => "Today's date.",
                "loginuser" => "Email of the user the run executes as.",
                "loginuserid" => "Id of the user the run executes as.",
                _ => "Email of the portal's administrator.",
            };
            items.Add(new("value", "zoho." + value, "zoho." + value, "zoho." + value, doc));
        }

        void M(string appliesTo, string name, string args, string doc) =>
            items.Add(new("method", name, args.Length == 0 ? name + "()" : name + "($0)", $"{name}({args})", doc, appliesTo));
        M("map", "put", "key, value", "Adds or replaces `key`.");
        M("map", "putAll", "otherMap", "Copies every entry of `otherMap` into this map.");
        M("map list", "get", "keyOrIndex", "The value for a key (MAP) or index (LIST); null when missing.");
        M("map list", "remove", "keyOrIndex", "Removes a key (MAP) or the element at an index (LIST).");
        M("map list", "clear", "", "Removes every entry.");
        M("map", "keys", "", "The keys as a LIST.");
        M("map", "values", "", "The values as a LIST.");
        M("map", "containKey", "key", "True when the map has `key`.");
        M("map", "containsKey", "key", "True when the map has `key`.");
        M("map", "containValue", "value", "True when some entry has `value`.");
        M("map", "containsValue", "value", "True when some entry has `value`.");
        M("map list text", "isEmpty", "", "True when there are no entries / characters.");
        M("map list", "size", "", "Number of entries.");
        M("any", "toString", "", "Text form: JSON for MAP/LIST; dates take an optional pattern like \"yyyy-MM-dd\".");
        M("map list text", "getJSON", "keyOrIndex", "Reads a value out of JSON.");
        M("map text", "toMap", "", "A copy of the map, or JSON text parsed into a MAP.");
        M("list", "add", "value", "Appends a value.");
        M("list", "addAll", "otherList", "Appends every element of `otherList`.");
        M("list", "removeElement", "value", "Removes the first element equal to `value`.");
        M("list text", "indexOf", "value", "Position of the first occurrence, or -1.");
        M("list text", "lastIndexOf", "value", "Position of the last occurrence, or -1.");
        M("list text", "contains", "value", "True when the value / substring occurs.");
        M("list", "sort", "ascending", "Sorts the list (ascending unless false) and returns it.");
        M("list", "distinct", "", "The list without duplicates.");
        M("list", "intersect", "otherList", "Elements present in both lists.");
        M("list", "sublist", "from, to", "Elements from `from` (inclusive) to `to` (exclusive).");
        M("list text", "toList", "separator", "A LIST copy, or text split by `separator` (default \",\").");
        M("text", "length", "", "Number of characters.");
        M("text", "startsWith", "prefix", "True when the text starts with `prefix`.");
        M("text", "endsWith", "suffix", "True when the text ends with `suffix`.");
        M("text", "substring", "from, to", "Characters from `from` (inclusive) to `to` (exclusive, optional).");
        M("text", "getPrefix", "separator", "The text before the first `separator`.");
        M("text", "getSuffix", "separator", "The text after the first `separator`.");
        M("text", "replaceAll", "search, replacement, literal", "Replaces every match (regex unless `literal` is true).");
        M("text", "replaceFirst", "search, replacement", "Replaces the first match.");
        M("text", "removeFirstOccurence", "text", "Removes the first occurrence of `text`.");
        M("text", "toUpperCase", "", "The text in upper case.");
        M("text", "toLowerCase", "", "The text in lower case.");
        M("text", "trim", "", "The text without leading and trailing spaces.");
        M("text", "leftPad", "length", "Pads with spaces on the left to `length` characters.");
        M("text", "rightPad", "length", "Pads with spaces on the right to `length` characters.");
        M("text", "equalsIgnoreCase", "other", "True when equal ignoring case.");
        M("text", "matches", "regex", "True when the whole text matches `regex`.");
        M("text", "toJSONList", "", "Parses a JSON array into a LIST.");
        M("text number", "toLong", "", "The value as a whole NUMBER.");
        M("text", "toNumber", "", "The text as a NUMBER.");
        M("text number", "toDecimal", "", "The value as a DECIMAL.");
        M("text date", "toDate", "", "The value as a date.");
        M("text", "toDateTime", "", "The text as a date-time.");
        M("text", "isNumber", "", "True when the text is a number.");
        M("text", "isText", "", "True when the value is TEXT.");
        M("number", "round", "digits", "Rounds to `digits` decimals.");
        M("number", "abs", "", "Absolute value.");
        M("number", "ceil", "", "Smallest whole number not below the value.");
        M("number", "floor", "", "Largest whole number not above the value.");
        foreach (var unit in new[] { "Day", "Month", "Year", "Hour", "Minute", "Seconds" })
        {
            M("date", "add" + unit, "count", $"The date-time plus `count` {unit.ToLowerInvariant()}s.");
            M("date", "sub" + unit, "count", $"The date-time minus `count` {unit.ToLowerInvariant()}s.");
        }

        foreach (var part in new[] { "Year", "Month", "Day", "Hour", "Minutes", "Seconds" })
        {
            M("date", "get" + part, "", $"The {part.ToLowerInvariant()} part of the date-time.");
        }

        M("date", "daysBetween", "otherDate", "Whole days from this date to `otherDate`.");

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
        items.Add(new("keyword", "standalone", "standalone.", "standalone.api_name(arguments)", "Calls another saved function by its API name."));
        items.AddRange(IntegrationCompletions.For(Integrations.IntegrationPackLoader.LoadBuiltIn()));
        return items;
    }
}
