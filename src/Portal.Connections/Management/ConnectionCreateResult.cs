using Portal.Connections.Catalog;

namespace Portal.Connections.Management;

public sealed record ConnectionCreateResult(bool Succeeded, IReadOnlyList<FieldError> Errors, ConnectionSummary? Connection);
