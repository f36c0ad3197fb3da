using Portal.Connections.Catalog;

namespace Portal.Connections.Credentials;

/// <summary>One header/query/form value to add to a request.</summary>
internal sealed record CredentialPart(CredentialLocation Location, string Name, string Value);
