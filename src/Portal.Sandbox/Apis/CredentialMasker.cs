namespace Portal.Sandbox.Apis;

/// <summary>Masks credentials before Echo shows them: a scheme and the last 4 characters at most, never the secret.</summary>
internal static class CredentialMasker
{
    private const string Dots = "••••";
    private static readonly string[] SensitiveParts = ["auth", "key", "token", "secret", "password", "cookie", "session", "signature", "credential"];

    public static bool IsSensitive(string name) =>
        SensitiveParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    public static string Mask(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var (scheme, secret) = space is > 0 and < 20 ? (value[..(space + 1)], value[(space + 1)..].Trim()) : ("", value.Trim());

        // Short secrets would be given away by their last 4 characters.
        return secret.Length >= 16 ? $"{scheme}{Dots}{secret[^4..]}" : scheme + Dots;
    }
}
