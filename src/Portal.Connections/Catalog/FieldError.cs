namespace Portal.Connections.Catalog;

/// <summary>A validation message bound to a form field (JSON-style path, e.g. <c>scopes[2].name</c>).</summary>
public sealed record FieldError(string Field, string Message);
