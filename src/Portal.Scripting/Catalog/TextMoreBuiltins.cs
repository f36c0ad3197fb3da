namespace Portal.Scripting.Catalog;

/// <summary>Text methods that build new text or convert it.</summary>
internal static class TextMoreBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver T = BuiltinReceiver.Text;
        b.Method(T, "replaceAll(search, replacement, literal?)", "TEXT", "Replaces every regex match; pass true to treat the search as plain text.", "\"a.b.c\".replaceAll(\".\", \"-\", true)", "a-b-c");
        b.Method(T, "replaceAllIgnoreCase(search, replacement)", "TEXT", "Replaces every occurrence of the plain text, ignoring case.", "\"Ab ab\".replaceAllIgnoreCase(\"AB\", \"x\")", "x x");
        b.Method(T, "replaceFirst(search, replacement, literal?)", "TEXT", "Replaces the first regex match.", "\"a-b-c\".replaceFirst(\"-\", \"+\")", "a+b-c");
        b.Method(T, "replaceFirstIgnoreCase(search, replacement)", "TEXT", "Replaces the first occurrence of the plain text, ignoring case.", "\"Ab ab\".replaceFirstIgnoreCase(\"AB\", \"x\")", "x ab");
        b.Method(T, "remove(text)", "TEXT", "Removes every occurrence.", "\"a-b-c\".remove(\"-\")", "abc");
        b.Method(T, "removeFirstOccurence(text)", "TEXT", "Removes the first occurrence.", "\"a-b-c\".removeFirstOccurence(\"-\")", "ab-c");
        b.Method(T, "removeLastOccurence(text)", "TEXT", "Removes the last occurrence (case-sensitive).", "\"a-b-c\".removeLastOccurence(\"-\")", "a-bc");
        b.Method(T, "removeAllAlpha()", "TEXT", "Removes every letter.", "\"ab12c3\".removeAllAlpha()", "123");
        b.Method(T, "removeAllNumeric()", "TEXT", "Removes every digit.", "\"ab12c3\".removeAllNumeric()", "abc");
        b.Method(T, "removeAllAlphaNumeric()", "TEXT", "Removes every letter and digit.", "\"a-1 b\".removeAllAlphaNumeric()", "- ");
        b.Method(T, "getAlpha()", "TEXT", "Keeps only the letters.", "\"ab12c3\".getAlpha()", "abc");
        b.Method(T, "getAlphaNumeric()", "TEXT", "Keeps only letters and digits.", "\"a-1 b\".getAlphaNumeric()", "a1b");
        b.Method(T, "toUpperCase()", "TEXT", "Upper-case copy.", "\"Zoho\".toUpperCase()", "ZOHO");
        b.Method(T, "toLowerCase()", "TEXT", "Lower-case copy.", "\"Zoho\".toLowerCase()", "zoho");
        b.Method(T, "proper()", "TEXT", "Each word with an upper-case first letter and the rest lower-case.", "\"hello wORLD\".proper()", "Hello World");
        b.Method(T, "trim()", "TEXT", "Copy without leading and trailing whitespace.", "\"  a b  \".trim()", "a b");
        b.Method(T, "ltrim()", "TEXT", "Copy without leading whitespace.", "\"  ab\".ltrim()", "ab");
        b.Method(T, "rtrim()", "TEXT", "Copy without trailing whitespace.", "\"ab  \".rtrim() + \"|\"", "ab|");
        b.Method(T, "leftPad(length)", "TEXT", "Pads with spaces on the left to the given total length.", "\"7\".leftPad(3)", "  7");
        b.Method(T, "rightPad(length)", "TEXT", "Pads with spaces on the right to the given total length.", "\"7\".rightPad(3) + \"|\"", "7  |");
        b.Method(T, "repeat(count)", "TEXT", "The text repeated count times.", "\"ab\".repeat(3)", "ababab");
        b.Method(T, "reverse()", "TEXT", "The characters in reverse order.", "\"abc\".reverse()", "cba");
        b.Method(T, "concat(text)", "TEXT", "The text followed by the argument.", "\"ab\".concat(\"cd\")", "abcd");
        b.Method(T, "hexToText()", "TEXT", "Decodes hexadecimal UTF-8 bytes to text.", "\"5a6f686f\".hexToText()", "Zoho");
        b.Method(T, "textToHex()", "TEXT", "The text's UTF-8 bytes as hexadecimal.", "\"Zoho\".textToHex()", "5a6f686f");
        b.Method(T, "executeXPath(path)", "TEXT", "Evaluates an XPath on XML text: the matched nodes' XML, or the text of text and attribute nodes.", "\"<a><b>1</b><b>2</b></a>\".executeXPath(\"/a/b[2]/text()\")", "2");
        b.Method(T, "toList(separator?)", "LIST", "Splits the text into a list (separator \",\" by default).", "\"a,b\".toList()", "[\"a\",\"b\"]");
        b.Method(T, "toMap()", "MAP", "Parses a JSON object into a map.", "\"{\\\"a\\\":1}\".toMap()", "{\"a\":1}");
        b.Method(T, "toJSONList()", "LIST", "Parses a JSON array into a list.", "\"[1,2]\".toJSONList()", "[1,2]");
        b.Method(T, "getJSON(key)", "ANY", "Parses a JSON object and returns the value under key.", "\"{\\\"a\\\":1}\".getJSON(\"a\")", "1");
        b.Method(T, "toLong()", "NUMBER", "Converts to a whole NUMBER.", "\"42\".toLong()", "42");
        b.Method(T, "toNumber()", "NUMBER", "Converts to a whole NUMBER.", "\"42\".toNumber()", "42");
        b.Method(T, "toDecimal()", "DECIMAL", "Converts to a DECIMAL.", "\"4.50\".toDecimal()", "4.50");
        b.Method(T, "toDate(pattern?)", "DATE-TIME", "Parses a date like 15-Aug-1947 or 2024-01-31, or with a pattern like \"dd-MM-yyyy\".", "\"31-01-2024\".toDate(\"dd-MM-yyyy\")", "31-Jan-2024");
        b.Method(T, "toDateTime(pattern?)", "DATE-TIME", "Parses a date-time (ISO with an offset too), or with a pattern.", "\"2024-01-31 10:00:00\".toDateTime()", "31-Jan-2024 10:00:00");
        b.Method(T, "toTime(pattern?)", "DATE-TIME", "Parses a date-time like toDateTime.", "\"01/31/2024 10:30\".toTime(\"MM/dd/yyyy HH:mm\")", "31-Jan-2024 10:30:00");
        b.Method(T, "toText()", "TEXT", "The text itself.", "\"ab\".toText()", "ab");
        b.Method(T, "unixEpoch(timeZone?)", "NUMBER", "Parses the date-time text and gives milliseconds since 1970 UTC, read in the time zone (GMT when absent or unknown).", "\"01-Jan-1970 01:00:00\".unixEpoch(\"Europe/Paris\")", "0");
    }
}
