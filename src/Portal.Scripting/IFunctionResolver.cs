namespace Portal.Scripting;

/// <summary>Resolves standalone.api_name(…) to a saved function; return null when there is none.</summary>
public interface IFunctionResolver
{
    ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken);
}
