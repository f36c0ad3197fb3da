namespace Portal.Web.Functions;

/// <summary>The enabled API key of a function, without the key: who enabled it (calls run as them) and when.</summary>
public sealed record FunctionApiKeyInfo(string Prefix, string EnabledByUserId, string? EnabledByEmail, DateTimeOffset CreatedAt);
