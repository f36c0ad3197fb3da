namespace Portal.Connections.Management;

public sealed record ConnectionUsage(string FunctionName, string? FunctionId = null);
