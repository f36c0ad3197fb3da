namespace Portal.Web.Functions;

/// <summary>The function and user an API key belongs to; KeyHash identifies the key for its rate limit.</summary>
public sealed record FunctionApiKeyMatch(int FunctionId, string ApiName, string UserId, string KeyHash);
