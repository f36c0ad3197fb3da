namespace Portal.Scripting.Catalog;

/// <summary>Every keyword, task, function and method of the language, for the editor's completion and hover.</summary>
public static class BuiltinCatalog
{
    public static IReadOnlyList<BuiltinEntry> All { get; } = Build();

    public static IEnumerable<BuiltinEntry> For(BuiltinReceiver receiver) =>
        All.Where(e => e.Receiver == receiver || (e.Receiver == BuiltinReceiver.Any && receiver is not (BuiltinReceiver.Global or BuiltinReceiver.Keyword or BuiltinReceiver.Task or BuiltinReceiver.SystemValue)));

    public static IEnumerable<BuiltinEntry> Find(string name) =>
        All.Where(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static List<BuiltinEntry> Build()
    {
        var list = new List<BuiltinEntry>();
        void Add(BuiltinReceiver receiver, string name, string signature, string doc) => list.Add(new BuiltinEntry(name, receiver, signature, doc));

        Add(BuiltinReceiver.Keyword, "if", "if (condition) { … } else if (condition) { … } else { … }", "Runs a block when the condition is true; braces are required.");
        Add(BuiltinReceiver.Keyword, "for each", "for each item in listOrMap { … }", "Loops over a list's items or a map's keys.");
        Add(BuiltinReceiver.Keyword, "for each index", "for each index i in list { … }", "Loops over a list's positions 0, 1, 2, …");
        Add(BuiltinReceiver.Keyword, "break", "break;", "Leaves the innermost loop.");
        Add(BuiltinReceiver.Keyword, "continue", "continue;", "Skips to the next loop iteration.");
        Add(BuiltinReceiver.Keyword, "try", "try { … } catch (e) { … }", "Runs the catch block with the error message in e when the try block fails.");
        Add(BuiltinReceiver.Keyword, "info", "info value;", "Appends the value's text form to the run log.");
        Add(BuiltinReceiver.Keyword, "return", "return value;", "Ends the function and returns the value.");
        Add(BuiltinReceiver.Keyword, "true", "true", "The BOOLEAN true.");
        Add(BuiltinReceiver.Keyword, "false", "false", "The BOOLEAN false.");
        Add(BuiltinReceiver.Keyword, "null", "null", "No value; equal only to null.");
        Add(BuiltinReceiver.Task, "invokeUrl", "invokeUrl [ url: … type: GET|POST|PUT|PATCH|DELETE headers: map parameters: map|text body: text content-type: text connection: name detailed: bool ]", "Calls an HTTP API; JSON answers become maps or lists, 4xx/5xx are returned.");
        Add(BuiltinReceiver.Task, "sendmail", "sendmail [ from: zoho.adminuserid to: \"a@x.com\", \"b@x.com\" cc: … bcc: … reply to: … subject: text message: text content type: HTML|plaintext ]", "Sends an e-mail (SMTP, or the portal's Outbox when none is configured).");
        Add(BuiltinReceiver.Task, "standalone", "standalone.api_name(arg1, arg2, …)", "Calls another saved function and returns its result.");

        foreach (var value in new[] { "currenttime", "currentdate", "loginuser", "loginuserid", "adminuser", "adminuserid" })
        {
            var doc = value switch
            {
                "currenttime" => "The current date and time.",
                "currentdate" => "Today's date.",
                "loginuser" => "E-mail of the user the run executes for.",
                "loginuserid" => "Id of the user the run executes for.",
                "adminuserid" => "E-mail of the portal administrator; sendmail from: zoho.adminuserid sends as the configured sender.",
                _ => "E-mail of the portal administrator.",
            };
            Add(BuiltinReceiver.SystemValue, "zoho." + value, "zoho." + value, doc);
            Add(BuiltinReceiver.SystemValue, "portal." + value, "portal." + value, doc + " (alias of zoho." + value + ")");
        }

        Add(BuiltinReceiver.Global, "Map", "Map()", "Creates an empty map.");
        Add(BuiltinReceiver.Global, "List", "List() / List:String()", "Creates an empty list (typed forms accepted).");
        Add(BuiltinReceiver.Global, "Collection", "Collection()", "Creates an empty collection (a list).");
        Add(BuiltinReceiver.Global, "if", "if(condition, whenTrue, whenFalse)", "Returns one of two values; only the chosen one is evaluated.");
        Add(BuiltinReceiver.Global, "ifnull", "ifnull(value, fallback)", "Returns value, or fallback when value is null.");
        Add(BuiltinReceiver.Global, "isNull", "isNull(value)", "True when the value is null.");
        Add(BuiltinReceiver.Global, "isBlank", "isBlank(value)", "True for null, whitespace-only text and empty lists or maps.");
        Add(BuiltinReceiver.Global, "encodeUrl", "encodeUrl(text)", "URL-encodes text with spaces as '+'.");
        Add(BuiltinReceiver.Global, "urlEncode", "urlEncode(text)", "URL-encodes text with spaces as '%20'.");
        Add(BuiltinReceiver.Global, "urlDecode", "urlDecode(text)", "Decodes URL-encoded text.");
        Add(BuiltinReceiver.Global, "toJSONList", "toJSONList(text)", "Parses a JSON array into a list.");
        Add(BuiltinReceiver.Global, "len", "len(value)", "Length of a text or size of a list or map.");
        Add(BuiltinReceiver.Global, "randomNumber", "randomNumber(from, to)", "A random whole number between from and to, inclusive.");
        Add(BuiltinReceiver.Global, "min", "min(a, b)", "The smaller of two values.");
        Add(BuiltinReceiver.Global, "max", "max(a, b)", "The larger of two values.");
        Add(BuiltinReceiver.Global, "zoho.encryption.base64Encode", "zoho.encryption.base64Encode(text)", "Base64 of the text's UTF-8 bytes.");
        Add(BuiltinReceiver.Global, "zoho.encryption.base64Decode", "zoho.encryption.base64Decode(text)", "Decodes base64 to text.");
        Add(BuiltinReceiver.Global, "zoho.encryption.urlEncode", "zoho.encryption.urlEncode(text)", "URL-encodes text (spaces as %20).");
        Add(BuiltinReceiver.Global, "zoho.encryption.urlDecode", "zoho.encryption.urlDecode(text)", "Decodes URL-encoded text.");
        Add(BuiltinReceiver.Global, "zoho.encryption.hmacsha256", "zoho.encryption.hmacsha256(key, message, \"base64\"|\"hex\")", "HMAC-SHA256 signature of the message.");

        Add(BuiltinReceiver.Map, "put", "put(key, value)", "Adds or replaces the value under key.");
        Add(BuiltinReceiver.Map, "putAll", "putAll(otherMap)", "Copies all entries of another map into this one.");
        Add(BuiltinReceiver.Map, "get", "get(key)", "The value under key, or null.");
        Add(BuiltinReceiver.Map, "remove", "remove(key)", "Removes key and returns its value (or null).");
        Add(BuiltinReceiver.Map, "clear", "clear()", "Removes all entries.");
        Add(BuiltinReceiver.Map, "keys", "keys()", "The keys as a list, in insertion order.");
        Add(BuiltinReceiver.Map, "containKey", "containKey(key)", "True when the key exists (alias containsKey).");
        Add(BuiltinReceiver.Map, "containsKey", "containsKey(key)", "True when the key exists.");
        Add(BuiltinReceiver.Map, "containValue", "containValue(value)", "True when some entry has this value.");
        Add(BuiltinReceiver.Map, "isEmpty", "isEmpty()", "True when the map has no entries.");
        Add(BuiltinReceiver.Map, "size", "size()", "Number of entries.");
        Add(BuiltinReceiver.Map, "toString", "toString()", "The map as JSON text.");
        Add(BuiltinReceiver.Map, "getJSON", "getJSON(key)", "The value under key, or null.");
        Add(BuiltinReceiver.Map, "toMap", "toMap()", "A shallow copy of the map.");

        Add(BuiltinReceiver.List, "add", "add(value)", "Appends a value.");
        Add(BuiltinReceiver.List, "addAll", "addAll(otherList)", "Appends all items of another list.");
        Add(BuiltinReceiver.List, "get", "get(index)", "The item at index (0-based), or null.");
        Add(BuiltinReceiver.List, "remove", "remove(index)", "Removes and returns the item at index (or null).");
        Add(BuiltinReceiver.List, "removeElement", "removeElement(value)", "Removes the first item equal to value.");
        Add(BuiltinReceiver.List, "indexOf", "indexOf(value)", "Position of the first equal item, or -1.");
        Add(BuiltinReceiver.List, "lastIndexOf", "lastIndexOf(value)", "Position of the last equal item, or -1.");
        Add(BuiltinReceiver.List, "contains", "contains(value)", "True when an equal item exists.");
        Add(BuiltinReceiver.List, "isEmpty", "isEmpty()", "True when the list has no items.");
        Add(BuiltinReceiver.List, "size", "size()", "Number of items.");
        Add(BuiltinReceiver.List, "sort", "sort(ascending = true)", "Returns a sorted copy of the list.");
        Add(BuiltinReceiver.List, "distinct", "distinct()", "Returns the list without duplicates.");
        Add(BuiltinReceiver.List, "intersect", "intersect(otherList)", "Items present in both lists.");
        Add(BuiltinReceiver.List, "sublist", "sublist(from, to)", "Items from position from up to (not including) to.");
        Add(BuiltinReceiver.List, "clear", "clear()", "Removes all items.");
        Add(BuiltinReceiver.List, "toString", "toString()", "The list as JSON array text.");
        Add(BuiltinReceiver.List, "toList", "toList()", "A copy of the list.");
        Add(BuiltinReceiver.List, "getJSON", "getJSON(index)", "The item at index, or null.");

        Add(BuiltinReceiver.Text, "length", "length()", "Number of characters.");
        Add(BuiltinReceiver.Text, "contains", "contains(text)", "True when the text occurs (case-sensitive).");
        Add(BuiltinReceiver.Text, "startsWith", "startsWith(text)", "True when the text starts with the argument.");
        Add(BuiltinReceiver.Text, "endsWith", "endsWith(text)", "True when the text ends with the argument.");
        Add(BuiltinReceiver.Text, "indexOf", "indexOf(text)", "Position of the first occurrence, or -1.");
        Add(BuiltinReceiver.Text, "lastIndexOf", "lastIndexOf(text)", "Position of the last occurrence, or -1.");
        Add(BuiltinReceiver.Text, "substring", "substring(from[, to])", "The characters from position from up to to.");
        Add(BuiltinReceiver.Text, "getPrefix", "getPrefix(marker)", "The text before the first marker, or null.");
        Add(BuiltinReceiver.Text, "getSuffix", "getSuffix(marker)", "The text after the first marker, or null.");
        Add(BuiltinReceiver.Text, "replaceAll", "replaceAll(regex, replacement[, literal])", "Replaces every match; pass true to treat the pattern as plain text.");
        Add(BuiltinReceiver.Text, "replaceFirst", "replaceFirst(regex, replacement[, literal])", "Replaces the first match.");
        Add(BuiltinReceiver.Text, "remove", "remove(text)", "Removes every occurrence.");
        Add(BuiltinReceiver.Text, "removeFirstOccurence", "removeFirstOccurence(text)", "Removes the first occurrence.");
        Add(BuiltinReceiver.Text, "toUpperCase", "toUpperCase()", "Upper-case copy.");
        Add(BuiltinReceiver.Text, "toLowerCase", "toLowerCase()", "Lower-case copy.");
        Add(BuiltinReceiver.Text, "trim", "trim()", "Copy without leading and trailing whitespace.");
        Add(BuiltinReceiver.Text, "leftPad", "leftPad(length)", "Pads with spaces on the left to the given total length.");
        Add(BuiltinReceiver.Text, "rightPad", "rightPad(length)", "Pads with spaces on the right to the given total length.");
        Add(BuiltinReceiver.Text, "equalsIgnoreCase", "equalsIgnoreCase(text)", "Compares ignoring case.");
        Add(BuiltinReceiver.Text, "matches", "matches(regex)", "True when the whole text matches the regular expression.");
        Add(BuiltinReceiver.Text, "toList", "toList(separator = \",\")", "Splits the text into a list.");
        Add(BuiltinReceiver.Text, "toMap", "toMap()", "Parses a JSON object into a map.");
        Add(BuiltinReceiver.Text, "toJSONList", "toJSONList()", "Parses a JSON array into a list.");
        Add(BuiltinReceiver.Text, "getJSON", "getJSON(key)", "Parses a JSON object and returns the value under key.");
        Add(BuiltinReceiver.Text, "toLong", "toLong()", "Converts to a whole NUMBER.");
        Add(BuiltinReceiver.Text, "toNumber", "toNumber()", "Converts to a whole NUMBER.");
        Add(BuiltinReceiver.Text, "toDecimal", "toDecimal()", "Converts to a DECIMAL.");
        Add(BuiltinReceiver.Text, "toDate", "toDate()", "Parses a date such as 15-Aug-1947 or 2024-01-31.");
        Add(BuiltinReceiver.Text, "toDateTime", "toDateTime()", "Parses a date-time such as 15-Aug-1947 19:00:00.");
        Add(BuiltinReceiver.Text, "isEmpty", "isEmpty()", "True for the empty text.");
        Add(BuiltinReceiver.Text, "isNumber", "isNumber()", "True when the text is a number.");
        Add(BuiltinReceiver.Text, "isText", "isText()", "True for TEXT values.");

        Add(BuiltinReceiver.Number, "round", "round(places)", "Rounds a DECIMAL to the given number of places.");
        Add(BuiltinReceiver.Number, "abs", "abs()", "Absolute value.");
        Add(BuiltinReceiver.Number, "ceil", "ceil()", "Smallest whole number not below the value.");
        Add(BuiltinReceiver.Number, "floor", "floor()", "Largest whole number not above the value.");
        Add(BuiltinReceiver.Number, "toDecimal", "toDecimal()", "The value as a DECIMAL.");
        Add(BuiltinReceiver.Number, "toLong", "toLong()", "The value as a whole NUMBER (truncated).");

        foreach (var unit in new[] { "Day", "Month", "Year", "Hour", "Minute", "Seconds" })
        {
            Add(BuiltinReceiver.DateTime, "add" + unit, $"add{unit}(n)", $"Adds n {unit.ToLowerInvariant()} to the date-time.");
            Add(BuiltinReceiver.DateTime, "sub" + unit, $"sub{unit}(n)", $"Subtracts n {unit.ToLowerInvariant()} from the date-time.");
        }

        Add(BuiltinReceiver.DateTime, "getYear", "getYear()", "The year.");
        Add(BuiltinReceiver.DateTime, "getMonth", "getMonth()", "The month, 1 to 12.");
        Add(BuiltinReceiver.DateTime, "getDay", "getDay()", "The day of the month.");
        Add(BuiltinReceiver.DateTime, "getHour", "getHour()", "The hour, 0 to 23.");
        Add(BuiltinReceiver.DateTime, "getMinutes", "getMinutes()", "The minutes.");
        Add(BuiltinReceiver.DateTime, "getSeconds", "getSeconds()", "The seconds.");
        Add(BuiltinReceiver.DateTime, "toString", "toString(pattern)", "Formats with Java letters, e.g. \"yyyy-MM-dd'T'HH:mm:ss\".");
        Add(BuiltinReceiver.DateTime, "toDate", "toDate()", "The date without the time.");
        Add(BuiltinReceiver.DateTime, "daysBetween", "daysBetween(otherDate)", "Whole days from this date to the other.");

        Add(BuiltinReceiver.Any, "toString", "toString()", "The value's text form.");
        Add(BuiltinReceiver.Any, "isNull", "isNull()", "True when the value is null.");
        Add(BuiltinReceiver.Any, "isText", "isText()", "True when the value is TEXT.");
        Add(BuiltinReceiver.Any, "isNumber", "isNumber()", "True when the value is a NUMBER or DECIMAL.");
        return list;
    }
}
