namespace Portal.Connections.Catalog;

/// <summary>One named secret parameter of an API-key service.</summary>
public sealed record ApiKeyParameter
{
    public string Name { get; init; } = "";

    public CredentialLocation Location { get; init; } = CredentialLocation.Header;

    public string? Label { get; init; }

    /// <summary>Value template; <c>{value}</c> is replaced, e.g. <c>Token {value}</c>.</summary>
    public string Format { get; init; } = "{value}";
}
