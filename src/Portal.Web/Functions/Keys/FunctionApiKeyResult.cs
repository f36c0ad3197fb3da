namespace Portal.Web.Functions.Keys;

/// <summary>A freshly generated key (shown once, never stored in clear), or why it could not be changed.</summary>
public sealed record FunctionApiKeyResult(string? Key, FunctionApiKeyInfo? Info, string? Error)
{
    public bool Succeeded => Error is null;

    public static FunctionApiKeyResult Fail(string error) => new(null, null, error);
}
