using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Connections.Credentials;

/// <summary>The spellings in which an API may hand a secret back: raw, URL-encoded, Base64 and JSON-escaped (SEC-35).</summary>
internal static class SecretForms
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<string> Of(string secret)
    {
        if (secret.Length == 0)
        {
            yield break;
        }

        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        yield return JsonSerializer.Serialize(secret)[1..^1];
        yield return JsonSerializer.Serialize(secret, Relaxed)[1..^1];
    }

    /// <summary>Every form of every secret, longest first so that a secret inside a longer one is masked as a whole.</summary>
    public static List<string> All(IEnumerable<string> secrets) =>
        [.. secrets.SelectMany(Of).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];

    public static string Redact(string text, IReadOnlyList<string> forms)
    {
        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, CredentialRedaction.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
