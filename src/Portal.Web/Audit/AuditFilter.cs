namespace Portal.Web.Audit;

public sealed record AuditFilter(string? User = null, string? Action = null, string? Target = null, DateOnly? From = null, DateOnly? To = null);
