namespace Portal.Web.Functions.Api;

/// <summary>Body of POST and PUT /api/v1/functions; PUT ignores api_name and keeps the function's name and description.</summary>
internal sealed record FunctionWriteRequest
{
    public string? Name { get; init; }

    public string? ApiName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<FunctionArgument>? Arguments { get; init; }

    public string? Code { get; init; }

    /// <summary>shared (default) or private; on PUT only the owner or an Admin may change it.</summary>
    public FunctionVisibility? Visibility { get; init; }

    /// <summary>Optional version message, shown in the versions panel.</summary>
    public string? Message { get; init; }
}
