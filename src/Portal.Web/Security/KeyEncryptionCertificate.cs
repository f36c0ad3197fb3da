using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Web.Security;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (SEC-19). It lives on the file system (or a mounted
/// secret), apart from the database that holds the key ring, so a database copy alone reveals no key.
/// </summary>
internal static class KeyEncryptionCertificate
{
    /// <returns>The certificate, and whether it was created now (the caller tells the admin to back it up).</returns>
    public static (X509Certificate2 Certificate, bool Created) LoadOrCreate(string path, string? password, TimeProvider time)
    {
        if (File.Exists(path))
        {
            return (Load(path, password), false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Portal Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, password));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (Load(path, password), true);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException error)
        {
            throw new InvalidOperationException(
                $"The Data Protection certificate at {path} cannot be opened: {error.Message} Check DataProtection:CertificatePassword.", error);
        }
    }
}
