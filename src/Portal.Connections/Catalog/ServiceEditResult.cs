namespace Portal.Connections.Catalog;

/// <summary>Outcome of creating or editing a service; <see cref="InvalidatedAuthorizations"/> counts SEC-11 invalidations.</summary>
public sealed record ServiceEditResult(bool Succeeded, IReadOnlyList<FieldError> Errors, int InvalidatedAuthorizations = 0)
{
    public static ServiceEditResult Failed(params FieldError[] errors) => new(false, errors);
}
