using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Portal.Connections.Catalog;

/// <summary>Field-level validation of service definitions (catalogue entries and custom services).</summary>
public sealed partial class ServiceValidator(IOptions<ConnectionsOptions> options)
{
    private static readonly HashSet<string> ReservedAuthorizeParameters =
        ["client_id", "redirect_uri", "response_type", "state", "scope", "code_challenge", "code_challenge_method"];

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    public static partial Regex LinkNamePattern();

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-\[\]]+$")]
    private static partial Regex ParameterNamePattern();

    /// <summary>Returns every problem; empty means valid. <paramref name="takenIds"/> are ids already in use.</summary>
    public IReadOnlyList<FieldError> Validate(ServiceDescriptor d, IReadOnlyCollection<string> takenIds)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new List<FieldError>();
        var exceptions = options.Value.InsecureOriginExceptions;

        if (!LinkNamePattern().IsMatch(d.Id ?? ""))
        {
            errors.Add(new("id", "Use 1-50 characters: a lowercase letter first, then lowercase letters, digits or '_'."));
        }
        else if (takenIds.Contains(d.Id))
        {
            errors.Add(new("id", $"The link name '{d.Id}' is already used by another service; choose a different one."));
        }

        if (string.IsNullOrWhiteSpace(d.DisplayName) || d.DisplayName.Length > 100)
        {
            errors.Add(new("displayName", "Enter a name of 1-100 characters."));
        }

        CheckUrl(errors, "authorizeUrl", d.AuthorizeUrl, d.AuthType == ServiceAuthType.OAuth2AuthorizationCode, exceptions);
        CheckUrl(errors, "tokenUrl", d.TokenUrl, d.AuthType is ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials, exceptions);
        CheckUrl(errors, "refreshUrl", d.RefreshUrl, false, exceptions);
        CheckUrl(errors, "revokeUrl", d.RevokeUrl, false, exceptions);
        CheckUrl(errors, "issuer", d.Issuer, false, exceptions);
        CheckUrl(errors, "docsUrl", d.DocsUrl, false, exceptions);
        CheckUrl(errors, "sampleRequestUrl", d.SampleRequestUrl, false, exceptions);
        CheckUrl(errors, "testRequestUrl", d.TestRequestUrl, false, exceptions);
        CheckTemplates(errors, d);
        CheckScopes(errors, d);
        CheckAllowedBaseUrls(errors, d, exceptions);
        CheckPlacement(errors, d);

        if (d.Logo is { } logo && !(logo.StartsWith('/') && !logo.StartsWith("//", StringComparison.Ordinal)) &&
            !logo.StartsWith("data:image/svg+xml", StringComparison.Ordinal))
        {
            errors.Add(new("logo", "Use a site-relative path such as /connections/logos/x.svg or a data:image/svg+xml URI."));
        }

        if (d.RefreshMarginSeconds is < 0 or > 3600)
        {
            errors.Add(new("refreshMarginSeconds", "Enter a refresh margin between 0 and 3600 seconds."));
        }

        if (string.IsNullOrWhiteSpace(d.Category))
        {
            errors.Add(new("category", "Choose a category."));
        }

        return errors;
    }

    private static void CheckUrl(List<FieldError> errors, string field, string? value, bool required, IReadOnlyCollection<string> exceptions)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "This URL is required for the chosen authentication type."));
            }

            return;
        }

        if (UrlRules.Check(value, exceptions) is { } problem)
        {
            errors.Add(new(field, problem));
        }
    }

    private static void CheckTemplates(List<FieldError> errors, ServiceDescriptor d)
    {
        var used = new[] { d.AuthorizeUrl, d.TokenUrl, d.RefreshUrl, d.RevokeUrl, d.Issuer, d.SampleRequestUrl, d.TestRequestUrl }
            .Concat(d.AllowedApiBaseUrls).SelectMany(UrlRules.Placeholders).Distinct();
        foreach (var name in used.Where(n => !d.TemplateParameters.ContainsKey(n)))
        {
            errors.Add(new("templateParameters", $"The URL placeholder '{{{name}}}' is not declared; add it to the template parameters."));
        }

        foreach (var (name, value) in d.TemplateParameters)
        {
            if (value is not null && !UrlRules.TemplateValue().IsMatch(value))
            {
                errors.Add(new($"templateParameters.{name}", "Use only letters, digits, '.' and '-' in template values."));
            }
        }
    }

    private static void CheckScopes(List<FieldError> errors, ServiceDescriptor d)
    {
        if (d.ScopeDelimiter is not (" " or "," or "+"))
        {
            errors.Add(new("scopeDelimiter", "Choose space, comma or plus as the scope delimiter."));
        }

        for (var i = 0; i < d.Scopes.Count; i++)
        {
            var s = d.Scopes[i];
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Any(char.IsWhiteSpace) || s.Name.Contains(d.ScopeDelimiter, StringComparison.Ordinal))
            {
                errors.Add(new($"scopes[{i}].name", "Enter the scope exactly as the provider spells it, without spaces or the delimiter."));
            }

            if (string.IsNullOrWhiteSpace(s.Description))
            {
                errors.Add(new($"scopes[{i}].description", "Describe what this scope allows so users know what they consent to."));
            }
        }

        foreach (var scope in d.DefaultScopes.Where(s => d.Scopes.All(x => x.Name != s)))
        {
            errors.Add(new("defaultScopes", $"The default scope '{scope}' is not in the scope list; add it there first."));
        }

        foreach (var key in d.ExtraAuthorizeParameters.Keys)
        {
            if (ReservedAuthorizeParameters.Contains(key) || !ParameterNamePattern().IsMatch(key))
            {
                errors.Add(new($"extraAuthorizeParameters.{key}", $"'{key}' cannot be set here; the portal sets it itself or it is not a valid parameter name."));
            }
        }
    }

    private static void CheckAllowedBaseUrls(List<FieldError> errors, ServiceDescriptor d, IReadOnlyCollection<string> exceptions)
    {
        if (d.AuthType != ServiceAuthType.None && d.AllowedApiBaseUrls.Count == 0)
        {
            errors.Add(new("allowedApiBaseUrls", "Add at least one API base URL (e.g. https://api.example.com/) that credentials may be sent to."));
        }

        for (var i = 0; i < d.AllowedApiBaseUrls.Count; i++)
        {
            var url = d.AllowedApiBaseUrls[i];
            var field = $"allowedApiBaseUrls[{i}]";
            if (UrlRules.Check(url, exceptions) is { } problem)
            {
                errors.Add(new(field, problem));
            }
            else if (!url.EndsWith('/') || url.Contains('?', StringComparison.Ordinal))
            {
                errors.Add(new(field, "End the base URL with '/' and leave out any query string, e.g. https://api.example.com/v1/."));
            }
        }

        // SEC-12: the credential check sends the new credential, so it may only go where credentials may go.
        if (d.TestRequestUrl is { } test && !d.AllowedApiBaseUrls.Any(b => test.StartsWith(b, StringComparison.Ordinal)))
        {
            errors.Add(new("testRequestUrl", "Use a test URL under one of the API base URLs: the portal sends the new credential with it."));
        }
    }

    private static void CheckPlacement(List<FieldError> errors, ServiceDescriptor d)
    {
        if (d.AuthType is ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials)
        {
            var p = d.TokenPlacement;
            if (p.Location == CredentialLocation.Header &&
                (!HeaderNamePattern().IsMatch(p.HeaderName ?? "") || !(p.Format ?? "").Contains("{token}", StringComparison.Ordinal)))
            {
                errors.Add(new("tokenPlacement", "Enter a header name and a format containing {token}, e.g. 'Bearer {token}'."));
            }

            if (p.Location != CredentialLocation.Header && !ParameterNamePattern().IsMatch(p.QueryParameter ?? ""))
            {
                errors.Add(new("tokenPlacement.queryParameter", "Enter the parameter name that carries the token, e.g. access_token."));
            }
        }

        if (d.AuthType == ServiceAuthType.ApiKey)
        {
            if (d.ApiKeyParameters.Count == 0)
            {
                errors.Add(new("apiKeyParameters", "Add at least one API key parameter (name and where it is sent)."));
            }

            for (var i = 0; i < d.ApiKeyParameters.Count; i++)
            {
                var p = d.ApiKeyParameters[i];
                var validName = p.Location == CredentialLocation.Header ? HeaderNamePattern().IsMatch(p.Name) : ParameterNamePattern().IsMatch(p.Name);
                if (!validName)
                {
                    errors.Add(new($"apiKeyParameters[{i}].name", "Enter a valid header or parameter name."));
                }

                if (!p.Format.Contains("{value}", StringComparison.Ordinal))
                {
                    errors.Add(new($"apiKeyParameters[{i}].format", "The format must contain {value}."));
                }
            }

            if (d.ApiKeyParameters.Select(p => (p.Location, p.Name.ToLowerInvariant())).Distinct().Count() != d.ApiKeyParameters.Count)
            {
                errors.Add(new("apiKeyParameters", "Each API key parameter name may appear only once per location."));
            }
        }
    }
}
