using Microsoft.AspNetCore.DataProtection;

namespace Portal.Connections.Security;

/// <summary>Encrypts secrets at rest; the purpose chain includes the kind and the row id (SEC-18).</summary>
internal sealed class SecretProtector(IDataProtectionProvider provider)
{
    private const string RootPurpose = "Portal.Connections.Secrets.v1";

    public string Protect(SecretKind kind, Guid rowId, string plaintext) =>
        Create(kind, rowId).Protect(plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The ciphertext belongs to another row, kind or key ring.</exception>
    public string Unprotect(SecretKind kind, Guid rowId, string ciphertext) =>
        Create(kind, rowId).Unprotect(ciphertext);

    public string? ProtectOptional(SecretKind kind, Guid rowId, string? plaintext) =>
        string.IsNullOrEmpty(plaintext) ? null : Protect(kind, rowId, plaintext);

    public string? UnprotectOptional(SecretKind kind, Guid rowId, string? ciphertext) =>
        string.IsNullOrEmpty(ciphertext) ? null : Unprotect(kind, rowId, ciphertext);

    private IDataProtector Create(SecretKind kind, Guid rowId) =>
        provider.CreateProtector(RootPurpose, kind.ToString(), rowId.ToString("N"));
}
