namespace Portal.Connections.Catalog;

/// <summary>
/// Outcome of creating or editing a service; <see cref="InvalidatedAuthorizations"/> counts SEC-11/SEC-34 invalidations and
/// <see cref="Refused"/> says the actor may not change the service at all (SEC-34).
/// </summary>
public sealed record ServiceEditResult(bool Succeeded, IReadOnlyList<FieldError> Errors, int InvalidatedAuthorizations = 0)
{
    public bool Refused { get; init; }

    /// <summary>What changed in where or how credentials travel, e.g. "API key parameters"; empty when nothing did.</summary>
    public IReadOnlyList<string> CredentialChanges { get; init; } = [];

    public static ServiceEditResult Failed(params FieldError[] errors) => new(false, errors);

    public static ServiceEditResult Refusal(string message) => new(false, [new FieldError("", message)]) { Refused = true };
}
