using System.Diagnostics.CodeAnalysis;
using Portal.Connections.Catalog;

namespace Portal.Connections.Credentials;

/// <summary>
/// Filled by the injecting handler with every credential it used for one request, so that whoever hands the answer on can
/// mask each secret (raw, URL-encoded, Base64, JSON-escaped) before a script or a person sees it (SEC-35). Never exposes a secret.
/// </summary>
public sealed class CredentialRedaction
{
    public const string Mask = "••••";

    private readonly List<string> secrets = [];
    private readonly List<KeyValuePair<string, string>> sentHeaders = [];
    private readonly List<string> sentElsewhere = [];
    private List<string> forms = [];

    /// <summary>True once a credential went out with a request.</summary>
    public bool CredentialSent { get; private set; }

    /// <summary>The headers the credential was sent in, with their values already masked (e.g. <c>X-Weather-Key: ••••</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SentHeaders => sentHeaders;

    /// <summary>Where else it was sent, e.g. <c>query parameter "api_key"</c>.</summary>
    public IReadOnlyList<string> SentElsewhere => sentElsewhere;

    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text) => text is null || forms.Count == 0 ? text : SecretForms.Redact(text, forms);

    internal void Add(ResolvedCredential credential)
    {
        // The usual single credential already carries its forms; only a second one (after a refresh) needs them merged.
        forms = secrets.Count == 0 ? [.. credential.Secrets] : SecretForms.All(secrets.Concat(credential.SecretValues));
        secrets.AddRange(credential.SecretValues);
    }

    internal void MarkSent(ResolvedCredential credential)
    {
        CredentialSent = true;
        foreach (var part in credential.Parts)
        {
            if (part.Location == CredentialLocation.Header)
            {
                if (!sentHeaders.Any(h => string.Equals(h.Key, part.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    sentHeaders.Add(KeyValuePair.Create(part.Name, Redact(part.Value)));
                }
            }
            else
            {
                var where = $"{(part.Location == CredentialLocation.Query ? "query parameter" : "form field")} \"{part.Name}\"";
                if (!sentElsewhere.Contains(where))
                {
                    sentElsewhere.Add(where);
                }
            }
        }
    }
}
