using Portal.Scripting;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions;

/// <summary>
/// Reads the header an exported Zoho function starts with (<c>void automation.update_deal(int dealId) { … }</c>):
/// the function's API name and arguments come from it, and a request that says otherwise gets a precise mismatch.
/// </summary>
public static class FunctionHeaders
{
    public static FunctionHeader? Read(string? code) =>
        string.IsNullOrEmpty(code) ? null : ScriptEngine.Compile(code, FunctionRunner.EditorLimits).Header;

    /// <summary>The API name the header gives: its name, lower-cased (calls are case-insensitive).</summary>
    public static string ApiName(FunctionHeader header) =>
        FunctionApiNames.IsValid(header.Name.ToLowerInvariant()) ? header.Name.ToLowerInvariant() : FunctionApiNames.Derive(header.Name);

    /// <summary>The header's arguments as portal argument types, or the error for one the portal cannot take.</summary>
    public static (IReadOnlyList<FunctionArgument> Arguments, string? Error) Arguments(FunctionHeader header)
    {
        var arguments = new List<FunctionArgument>();
        foreach (var parameter in header.Parameters)
        {
            if (PortalType(parameter.Type) is not { } type)
            {
                return ([], $"Argument {parameter.Name} of {header.Name} has type {parameter.Type}, which portal functions cannot take. Declare it as string, int, decimal, bool, date, map or list.");
            }

            arguments.Add(new FunctionArgument(parameter.Name, type));
        }

        return (arguments, null);
    }

    /// <summary>Null when the header's name is <paramref name="apiName"/>; otherwise what differs and how to fix it.</summary>
    public static string? NameMismatch(FunctionHeader header, string apiName) =>
        ApiName(header).Equals(apiName, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The code's header names the function {header.Name} (line {header.Line}), but its API name is {apiName}. Rename the header to {apiName}(…) or deploy the code as {ApiName(header)}.";

    /// <summary>Null when <paramref name="declared"/> matches the header's arguments in order, name and type; otherwise the first difference.</summary>
    public static string? ArgumentMismatch(FunctionHeader header, IReadOnlyList<FunctionArgument> fromHeader, IReadOnlyList<FunctionArgument> declared)
    {
        for (var i = 0; i < Math.Max(fromHeader.Count, declared.Count); i++)
        {
            var expected = i < fromHeader.Count ? fromHeader[i] : null;
            var actual = i < declared.Count ? declared[i] : null;
            if (expected is not null && actual is not null && expected.Name.Equals(actual.Name, StringComparison.OrdinalIgnoreCase) && expected.Type == actual.Type)
            {
                continue;
            }

            var headerSide = expected is null ? "no argument" : $"{expected.Name} ({expected.Type})";
            var declaredSide = actual is null ? "no argument" : $"{actual.Name} ({actual.Type})";
            return $"Argument {i + 1} differs: the code's header (line {header.Line}) declares {headerSide}, the request declares {declaredSide}. Leave \"arguments\" out to take them from the header, or make them match.";
        }

        return null;
    }

    private static string? PortalType(string headerType) => headerType switch
    {
        "string" or "text" => FunctionArgumentTypes.Text,
        "int" or "long" or "bigint" or "number" => FunctionArgumentTypes.Number,
        "decimal" or "float" or "double" => FunctionArgumentTypes.Decimal,
        "bool" or "boolean" => FunctionArgumentTypes.Boolean,
        "date" or "datetime" => FunctionArgumentTypes.Date,
        "map" => FunctionArgumentTypes.Map,
        "list" or "collection" => FunctionArgumentTypes.List,
        _ => null,
    };
}
