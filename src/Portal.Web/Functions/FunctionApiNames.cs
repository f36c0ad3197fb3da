using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Web.Functions;

/// <summary>API names are what standalone.x() calls use: lower-case letters, digits and underscores.</summary>
public static partial class FunctionApiNames
{
    public const int MaxLength = 50;

    public static bool IsValid(string? apiName) => apiName is not null && Pattern().IsMatch(apiName);

    /// <summary>"Append Row (v2)" → "append_row_v2"; a name that starts with a digit gets an "fn_" prefix.</summary>
    public static string Derive(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var result = builder.ToString().Trim('_');
        if (result.Length > 0 && char.IsDigit(result[0]))
        {
            result = "fn_" + result;
        }

        return result.Length > MaxLength ? result[..MaxLength].TrimEnd('_') : result;
    }

    /// <summary>Null when well-formed; otherwise a message that says how to fix it.</summary>
    public static string? FormatError(string? apiName) => IsValid(apiName)
        ? null
        : string.IsNullOrEmpty(apiName)
            ? "Enter an API name, like append_row."
            : "Use 1–50 lower-case letters, digits or underscores, starting with a letter (like append_row).";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
