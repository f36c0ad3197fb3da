namespace Portal.Scripting.Runtime.Builtins;

internal enum GlobalFunctionId
{
    Unknown,
    Map,
    List,
    Collection,
    If,
    IfNull,
    IsNull,
    IsBlank,
    EncodeUrl,
    UrlEncode,
    UrlDecode,
    ToJsonList,
    Len,
    RandomNumber,
    Min,
    Max,
    Base64Encode,
    Base64Decode,
    EncryptionUrlEncode,
    EncryptionUrlDecode,
    HmacSha256,
    HmacSha1,
    HmacSha512,
    AesEncode,
    AesDecode,

    // A method called in its function form: name(value, args…).
    MethodForm,
}
