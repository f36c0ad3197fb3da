using System.Collections.Frozen;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Case-insensitive name tables resolved once at parse time, so runs never hash method names.</summary>
internal static class BuiltinNames
{
    private static readonly FrozenDictionary<string, MethodId> Methods = Enum.GetValues<MethodId>()
        .Where(m => m != MethodId.Unknown)
        .ToFrozenDictionary(m => m.ToString(), m => m, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, GlobalFunctionId> Functions = new Dictionary<string, GlobalFunctionId>(StringComparer.OrdinalIgnoreCase)
    {
        ["map"] = GlobalFunctionId.Map,
        ["list"] = GlobalFunctionId.List,
        ["collection"] = GlobalFunctionId.Collection,
        ["if"] = GlobalFunctionId.If,
        ["ifnull"] = GlobalFunctionId.IfNull,
        ["isnull"] = GlobalFunctionId.IsNull,
        ["isblank"] = GlobalFunctionId.IsBlank,
        ["encodeurl"] = GlobalFunctionId.EncodeUrl,
        ["urlencode"] = GlobalFunctionId.UrlEncode,
        ["urldecode"] = GlobalFunctionId.UrlDecode,
        ["tojsonlist"] = GlobalFunctionId.ToJsonList,
        ["len"] = GlobalFunctionId.Len,
        ["randomnumber"] = GlobalFunctionId.RandomNumber,
        ["min"] = GlobalFunctionId.Min,
        ["max"] = GlobalFunctionId.Max,
        ["zoho.encryption.base64encode"] = GlobalFunctionId.Base64Encode,
        ["zoho.encryption.base64decode"] = GlobalFunctionId.Base64Decode,
        ["zoho.encryption.urlencode"] = GlobalFunctionId.EncryptionUrlEncode,
        ["zoho.encryption.urldecode"] = GlobalFunctionId.EncryptionUrlDecode,
        ["zoho.encryption.hmacsha256"] = GlobalFunctionId.HmacSha256,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SystemValues = new[]
    {
        "zoho.currenttime", "zoho.currentdate", "zoho.loginuser", "zoho.loginuserid", "zoho.adminuser",
        "portal.currenttime", "portal.currentdate", "portal.loginuser", "portal.loginuserid", "portal.adminuser",
        "zoho.adminuserid", "portal.adminuserid", // lang-syntax: the admin's e-mail, for sendmail's from:
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static MethodId LookupMethod(string name) => Methods.TryGetValue(name, out var id) ? id : MethodId.Unknown;

    public static GlobalFunctionId LookupFunction(string name) => Functions.TryGetValue(name, out var id) ? id : GlobalFunctionId.Unknown;

    public static bool IsSystemValue(string qualifiedName) => SystemValues.Contains(qualifiedName);
}
