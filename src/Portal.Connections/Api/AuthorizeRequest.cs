namespace Portal.Connections.Api;

/// <summary>Body of <c>POST /api/v1/connections/{link}/authorize</c>; only needed for API-key and Basic connections.</summary>
public sealed record AuthorizeRequest(Dictionary<string, string>? ApiKey = null, string? UserName = null, string? Password = null);
