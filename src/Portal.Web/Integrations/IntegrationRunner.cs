namespace Portal.Web.Integrations;

/// <summary>Who runs a function that calls a task: the identity used for connection overrides and named in the audit log.</summary>
internal sealed record IntegrationRunner(string UserId, string? Email);
