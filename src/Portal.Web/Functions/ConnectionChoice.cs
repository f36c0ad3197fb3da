namespace Portal.Web.Functions;

public sealed record ConnectionChoice(string LinkName, string DisplayName, string ServiceName, string? ServiceLogo, string? ApiBaseUrl, string Status);
