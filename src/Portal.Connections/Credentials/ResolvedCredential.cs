using System.Text;
using Portal.Connections.Catalog;

namespace Portal.Connections.Credentials;

/// <summary>The credential for one (connection, running user); applied only by the injecting handler. ToString never shows secrets.</summary>
internal sealed class ResolvedCredential
{
    internal ResolvedCredential(string linkName, Guid? authorizationId, string? authorizingUserId, IReadOnlyList<string> allowedBaseUrls,
        IReadOnlyList<CredentialPart> parts, IReadOnlyList<string> secrets, string? accessToken, bool canRefresh)
    {
        LinkName = linkName;
        AuthorizationId = authorizationId;
        AuthorizingUserId = authorizingUserId;
        AllowedApiBaseUrls = allowedBaseUrls;
        Parts = parts;
        // The parts are formats around these values ("Bearer {token}"), so masking the values keeps the scheme readable.
        SecretValues = [.. secrets.Where(v => v.Length > 0).Distinct()];
        Secrets = SecretForms.All(SecretValues);
        AccessToken = accessToken;
        CanRefresh = canRefresh;
    }

    public string LinkName { get; }

    public Guid? AuthorizationId { get; }

    /// <summary>Whose authorization is used (the owner or the runner, per connection mode).</summary>
    public string? AuthorizingUserId { get; }

    public IReadOnlyList<string> AllowedApiBaseUrls { get; }

    internal IReadOnlyList<CredentialPart> Parts { get; }

    /// <summary>The secret values themselves; <see cref="Secrets"/> adds the forms an API may echo them in.</summary>
    internal IReadOnlyList<string> SecretValues { get; }

    internal IReadOnlyList<string> Secrets { get; }

    internal string? AccessToken { get; }

    internal bool CanRefresh { get; }

    public bool IsAllowed(Uri url) => AllowedBaseUrls.Matches(url, AllowedApiBaseUrls);

    /// <summary>Replaces every secret value (raw, URL-encoded, Base64, JSON-escaped) with <c>••••</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretForms.Redact(text, Secrets);
    }

    public override string ToString() => $"Credential for connection '{LinkName}' (redacted)";

    internal void ApplyTo(HttpRequestMessage request)
    {
        foreach (var part in Parts)
        {
            switch (part.Location)
            {
                case CredentialLocation.Header:
                    request.Headers.Remove(part.Name);
                    request.Headers.TryAddWithoutValidation(part.Name, part.Value);
                    break;
                case CredentialLocation.Query:
                    var uri = request.RequestUri!;
                    var pair = Uri.EscapeDataString(part.Name) + "=" + Uri.EscapeDataString(part.Value);
                    var builder = new UriBuilder(uri) { Query = string.IsNullOrEmpty(uri.Query) ? pair : uri.Query[1..] + "&" + pair };
                    request.RequestUri = builder.Uri;
                    break;
                case CredentialLocation.Form:
                    AppendForm(request, part);
                    break;
            }
        }
    }

    private static void AppendForm(HttpRequestMessage request, CredentialPart part)
    {
        var existing = request.Content is ByteArrayContent c && c.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded"
            ? c.ReadAsStringAsync().GetAwaiter().GetResult()
            : request.Content is null ? "" : throw new InvalidOperationException(
                "This connection sends its key as a form field, so the request body must be form-encoded (application/x-www-form-urlencoded).");
        var pair = Uri.EscapeDataString(part.Name) + "=" + Uri.EscapeDataString(part.Value);
        var body = existing.Length == 0 ? pair : existing + "&" + pair;
        request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
    }
}
