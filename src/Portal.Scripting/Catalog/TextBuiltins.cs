namespace Portal.Scripting.Catalog;

/// <summary>Text methods that search, cut and compare.</summary>
internal static class TextBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver T = BuiltinReceiver.Text;
        b.Method(T, "length()", "NUMBER", "Number of characters.", "\"Zoho\".length()", "4");
        b.Method(T, "len()", "NUMBER", "Number of characters (alias of length).", "\"Zoho\".len()", "4");
        b.Method(T, "size()", "NUMBER", "Number of characters.", "\"Zoho\".size()", "4");
        b.Method(T, "contains(text)", "BOOLEAN", "True when the text occurs (case-sensitive).", "\"Zoho CRM\".contains(\"CRM\")", "true");
        b.Method(T, "notContains(text)", "BOOLEAN", "True when the text does not occur (case-sensitive).", "\"Zoho CRM\".notContains(\"crm\")", "true");
        b.Method(T, "containsIgnoreCase(text)", "BOOLEAN", "True when the text occurs, ignoring case.", "\"Zoho CRM\".containsIgnoreCase(\"crm\")", "true");
        b.Method(T, "startsWith(text)", "BOOLEAN", "True when the text starts with the argument.", "\"Zoho\".startsWith(\"Zo\")", "true");
        b.Method(T, "startsWithIgnoreCase(text)", "BOOLEAN", "True when the text starts with the argument, ignoring case.", "\"Zoho\".startsWithIgnoreCase(\"zo\")", "true");
        b.Method(T, "endsWith(text)", "BOOLEAN", "True when the text ends with the argument.", "\"Zoho\".endsWith(\"ho\")", "true");
        b.Method(T, "endsWithIgnoreCase(text)", "BOOLEAN", "True when the text ends with the argument, ignoring case.", "\"Zoho\".endsWithIgnoreCase(\"HO\")", "true");
        b.Method(T, "indexOf(text)", "NUMBER", "Position of the first occurrence, or -1.", "\"banana\".indexOf(\"an\")", "1");
        b.Method(T, "indexOfIgnoreCase(text)", "NUMBER", "Position of the first occurrence ignoring case, or -1.", "\"banana\".indexOfIgnoreCase(\"AN\")", "1");
        b.Method(T, "lastIndexOf(text)", "NUMBER", "Position of the last occurrence, or -1.", "\"banana\".lastIndexOf(\"an\")", "3");
        b.Method(T, "lastIndexOfIgnoreCase(text)", "NUMBER", "Position of the last occurrence ignoring case, or -1.", "\"banana\".lastIndexOfIgnoreCase(\"AN\")", "3");
        b.Method(T, "find(text, occurrence?)", "NUMBER", "Position of the n-th occurrence (default the first), or -1.", "\"banana\".find(\"a\", 2)", "3");
        b.Method(T, "getOccurenceCount(text)", "NUMBER", "How many times the text occurs (case-sensitive, not overlapping).", "\"banana\".getOccurenceCount(\"a\")", "3");
        b.Method(T, "substring(from, to?)", "TEXT", "The characters from position from up to (not including) to; an index outside the text is an error.", "\"Zoho CRM\".substring(5)", "CRM");
        b.Method(T, "subText(from, to?)", "TEXT", "Same as substring.", "\"Zoho CRM\".subText(0, 4)", "Zoho");
        b.Method(T, "mid(from, to?)", "TEXT", "Same as substring.", "\"Zoho CRM\".mid(0, 2)", "Zo");
        b.Method(T, "left(count)", "TEXT", "The first count characters (all of them when the text is shorter).", "\"Portal\".left(3)", "Por");
        b.Method(T, "right(count)", "TEXT", "The last count characters (all of them when the text is shorter).", "\"Portal\".right(3)", "tal");
        b.Method(T, "truncate(count)", "TEXT", "The text cut to at most count characters.", "\"Portal\".truncate(4)", "Port");
        b.Method(T, "getPrefix(marker)", "TEXT", "The text before the first marker, or null.", "\"a-b-c\".getPrefix(\"-\")", "a");
        b.Method(T, "getPrefixIgnoreCase(marker)", "TEXT", "The text before the first marker ignoring case, or null.", "\"aXb\".getPrefixIgnoreCase(\"x\")", "a");
        b.Method(T, "getSuffix(marker)", "TEXT", "The text after the first marker, or null.", "\"a-b-c\".getSuffix(\"-\")", "b-c");
        b.Method(T, "getSuffixIgnoreCase(marker)", "TEXT", "The text after the first marker ignoring case, or null.", "\"aXb\".getSuffixIgnoreCase(\"x\")", "b");
        b.Method(T, "equalsIgnoreCase(text)", "BOOLEAN", "Compares ignoring case.", "\"Zoho\".equalsIgnoreCase(\"ZOHO\")", "true");
        b.Method(T, "matches(regex)", "BOOLEAN", "True when the whole text matches the regular expression.", "\"2024\".matches(\"[0-9]+\")", "true");
        b.Method(T, "isEmpty()", "BOOLEAN", "True for the empty text.", "\"\".isEmpty()", "true");
        b.Method(T, "isNumber()", "BOOLEAN", "True when the text is a number.", "\"12.5\".isNumber()", "true");
    }
}
