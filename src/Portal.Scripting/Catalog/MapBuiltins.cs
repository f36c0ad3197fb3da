namespace Portal.Scripting.Catalog;

/// <summary>Map (key-value) methods.</summary>
internal static class MapBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver M = BuiltinReceiver.Map;
        b.Method(M, "put(key, value?)", "NULL", "Adds or replaces the value under key; put(otherMap) copies a map's entries like putAll.", "Map().put(\"a\", 1)", "null");
        b.Method(M, "putAll(otherMap)", "NULL", "Copies all entries of another map into this one.", "Map().putAll({\"a\":1})", "null");
        b.Method(M, "get(key)", "ANY", "The value under key, or null.", "{\"a\":1}.get(\"a\")", "1");
        b.Method(M, "getJSON(key)", "ANY", "The value under key, or null.", "{\"a\":1}.getJSON(\"a\")", "1");
        b.Method(M, "getKey(value)", "TEXT", "The first key whose value equals value, or null.", "{\"a\":1,\"b\":2}.getKey(2)", "b");
        b.Method(M, "remove(key)", "ANY", "Removes key and returns its value (or null).", "{\"a\":1}.remove(\"a\")", "1");
        b.Method(M, "deleteKey(key)", "NULL", "Removes key.", "{\"a\":1}.deleteKey(\"a\")", "null");
        b.Method(M, "clear()", "NULL", "Removes all entries.", "{\"a\":1}.clear()", "null");
        b.Method(M, "keys()", "LIST", "The keys as a list, in insertion order.", "{\"a\":1,\"b\":2}.keys()", "[\"a\",\"b\"]");
        b.Method(M, "values()", "LIST", "The values as a list, in insertion order.", "{\"a\":1,\"b\":2}.values()", "[1,2]");
        b.Method(M, "containKey(key)", "BOOLEAN", "True when the key exists.", "{\"a\":1}.containKey(\"a\")", "true");
        b.Method(M, "containsKey(key)", "BOOLEAN", "True when the key exists.", "{\"a\":1}.containsKey(\"b\")", "false");
        b.Method(M, "containValue(value)", "BOOLEAN", "True when some entry has this value.", "{\"a\":1}.containValue(1)", "true");
        b.Method(M, "containsValue(value)", "BOOLEAN", "True when some entry has this value.", "{\"a\":1}.containsValue(2)", "false");
        b.Method(M, "isEmpty()", "BOOLEAN", "True when the map has no entries.", "Map().isEmpty()", "true");
        b.Method(M, "size()", "NUMBER", "Number of entries.", "{\"a\":1}.size()", "1");
        b.Method(M, "toMap()", "MAP", "A shallow copy of the map.", "{\"a\":1}.toMap()", "{\"a\":1}");
        b.Method(M, "duplicate()", "MAP", "A shallow copy of the map.", "{\"a\":1}.duplicate()", "{\"a\":1}");
    }
}
