namespace Portal.Web.Functions.Api;

/// <summary>Names of the function API key scheme, its claims, and the execute policy (token or key).</summary>
internal static class FunctionApiKeyDefaults
{
    public const string Scheme = "PortalFunctionApiKey";

    public const string ExecutePolicy = "Portal.Functions.Execute";

    public const string HeaderName = "X-Portal-Api-Key";

    public const string QueryName = "zapikey";

    /// <summary>The id of the one function the key may execute.</summary>
    public const string FunctionIdClaim = "portal:function_api_key:function";

    /// <summary>The key's hash, the partition of the per-key rate limit.</summary>
    public const string KeyHashClaim = "portal:function_api_key:hash";
}
