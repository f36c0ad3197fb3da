namespace Portal.Web.Functions.Keys;

/// <summary>
/// The function and user an API key belongs to; KeyHash identifies the key for its rate limit. DisabledReason is set when the
/// key was stopped because someone other than its enabler changed the code (SEC-36).
/// </summary>
public sealed record FunctionApiKeyMatch(int FunctionId, string ApiName, string UserId, string KeyHash, string? DisabledReason = null);
