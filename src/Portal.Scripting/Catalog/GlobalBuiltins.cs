using Portal.Scripting.Runtime.Builtins;

namespace Portal.Scripting.Catalog;

/// <summary>Global functions: constructors, null checks, URL and encryption helpers.</summary>
internal static class GlobalBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        b.Function("Map()", "MAP", "Creates an empty map.", "Map()", "{}");
        b.Function("List(items?…)", "LIST", "Creates a list of the given items (List:String() and the other typed forms too).", "List(1, 2)", "[1,2]");
        b.Function("Collection(items?…)", "LIST", "Creates a collection of the given items.", "Collection(\"a\", \"b\")", "[\"a\",\"b\"]");
        b.Function("if(condition, whenTrue, whenFalse)", "ANY", "Returns one of two values; only the chosen one is evaluated.", "if(1 < 2, \"yes\", \"no\")", "yes");
        b.Function("ifnull(value, fallback)", "ANY", "Returns value, or fallback when value is null.", "ifnull(null, 5)", "5");
        b.Function("isNull(value)", "BOOLEAN", "True for null and for the empty text \"\", as Zoho documents.", "isNull(\"\")", "true");
        b.Function("isBlank(value)", "BOOLEAN", "True for null, whitespace-only text and empty lists or maps.", "isBlank(List())", "true");
        b.Function("encodeUrl(text)", "TEXT", "URL-encodes text with spaces as '+'.", "encodeUrl(\"a b&c\")", "a+b%26c");
        b.Function("urlEncode(text)", "TEXT", "URL-encodes text with spaces as '%20'.", "urlEncode(\"a b\")", "a%20b");
        b.Function("urlDecode(text)", "TEXT", "Decodes URL-encoded text.", "urlDecode(\"a%20b\")", "a b");
        b.Function("toJSONList(text)", "LIST", "Parses a JSON array into a list.", "toJSONList(\"[1,2]\")", "[1,2]");
        b.Function("len(value)", "NUMBER", "Length of a text or size of a list or map.", "len(\"abc\")", "3");
        b.Function("randomNumber(from, to)", "NUMBER", "A random whole number between from and to, inclusive.", "randomNumber(4, 4)", "4");
        b.Function("min(a, b)", "ANY", "The smaller of two values.", "min(3, 7)", "3");
        b.Function("max(a, b)", "ANY", "The larger of two values.", "max(3, 7)", "7");
        b.Function("zoho.encryption.base64Encode(text)", "TEXT", "Base64 of the text's UTF-8 bytes.", "zoho.encryption.base64Encode(\"hi\")", "aGk=", GlobalFunctionId.Base64Encode);
        b.Function("zoho.encryption.base64Decode(text)", "TEXT", "Decodes base64 to text.", "zoho.encryption.base64Decode(\"aGk=\")", "hi", GlobalFunctionId.Base64Decode);
        b.Function("zoho.encryption.urlEncode(text)", "TEXT", "URL-encodes text (spaces as %20).", "zoho.encryption.urlEncode(\"a b\")", "a%20b", GlobalFunctionId.EncryptionUrlEncode);
        b.Function("zoho.encryption.urlDecode(text)", "TEXT", "Decodes URL-encoded text.", "zoho.encryption.urlDecode(\"a%20b\")", "a b", GlobalFunctionId.EncryptionUrlDecode);
        b.Function("zoho.encryption.hmacsha256(key, message, format?)", "TEXT", "HMAC-SHA256 signature of the message, \"base64\" (default) or \"hex\".", "zoho.encryption.hmacsha256(\"k\", \"m\", \"hex\").length()", "64", GlobalFunctionId.HmacSha256);
        b.Function("zoho.encryption.hmacsha1(key, message, format?)", "TEXT", "HMAC-SHA1 signature of the message, \"base64\" (default) or \"hex\".", "zoho.encryption.hmacsha1(\"k\", \"m\", \"hex\").length()", "40", GlobalFunctionId.HmacSha1);
        b.Function("zoho.encryption.hmacsha512(key, message, format?)", "TEXT", "HMAC-SHA512 signature of the message, \"base64\" (default) or \"hex\".", "zoho.encryption.hmacsha512(\"k\", \"m\", \"hex\").length()", "128", GlobalFunctionId.HmacSha512);
        b.Function("zoho.encryption.aesEncode(key, text)", "TEXT", "Encrypts text with AES-256 (key: SHA-256 of the key text; random IV first), as base64.", "zoho.encryption.aesDecode(\"k\", zoho.encryption.aesEncode(\"k\", \"secret\"))", "secret", GlobalFunctionId.AesEncode);
        b.Function("zoho.encryption.aesDecode(key, text)", "TEXT", "Decrypts what aesEncode produced with the same key.", "zoho.encryption.aesDecode(\"k\", zoho.encryption.aesEncode(\"k\", \"x\"))", "x", GlobalFunctionId.AesDecode);
    }
}
