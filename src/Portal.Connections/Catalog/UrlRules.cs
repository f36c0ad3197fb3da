using System.Text.RegularExpressions;

namespace Portal.Connections.Catalog;

/// <summary>Shared URL checks: https only, except exact configured origins (SEC-23).</summary>
internal static partial class UrlRules
{
    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    public static partial Regex TemplatePlaceholder();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,62}$")]
    public static partial Regex TemplateValue();

    public static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Null when <paramref name="value"/> is an acceptable absolute URL, otherwise the reason.</summary>
    public static string? Check(string value, IReadOnlyCollection<string> insecureOriginExceptions)
    {
        var probe = TemplatePlaceholder().Replace(value, "example");
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri))
        {
            return "Enter an absolute URL such as https://api.example.com/.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Remove the user name/password from the URL; credentials are configured separately.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "Remove the '#' fragment from the URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && IsExceptedOrigin(uri, insecureOriginExceptions))
        {
            return null;
        }

        return "Use an https:// URL; plain http is only allowed for origins an administrator configured as exceptions.";
    }

    public static bool IsExceptedOrigin(Uri uri, IReadOnlyCollection<string> exceptions) =>
        exceptions.Any(e => Uri.TryCreate(e, UriKind.Absolute, out var ex) && Origin(ex) == Origin(uri));

    public static string Resolve(string template, IReadOnlyDictionary<string, string> values) =>
        TemplatePlaceholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    public static IEnumerable<string> Placeholders(string? template) =>
        template is null ? [] : TemplatePlaceholder().Matches(template).Select(m => m.Groups[1].Value);
}
