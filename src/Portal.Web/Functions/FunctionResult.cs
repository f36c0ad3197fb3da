namespace Portal.Web.Functions;

/// <summary>Outcome of a change: the function as saved, or an error that says what to do next.</summary>
public sealed record FunctionResult(FunctionDetails? Function, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The caller may see the function but not change it (SEC-36); the API answers 403.</summary>
    public bool Refused { get; init; }

    public static FunctionResult Ok(FunctionDetails? function) => new(function, null);

    public static FunctionResult Fail(string error) => new(null, error);

    public static FunctionResult Refusal(string error) => new(null, error) { Refused = true };
}
