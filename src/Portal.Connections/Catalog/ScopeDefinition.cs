namespace Portal.Connections.Catalog;

public sealed record ScopeDefinition(string Name, string Description);
