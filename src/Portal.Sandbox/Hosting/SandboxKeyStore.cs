using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Sandbox.Hosting;

/// <summary>Signing and encryption keys kept as files in the data folder, so issued tokens survive a restart.</summary>
internal static class SandboxKeyStore
{
    public static RsaSecurityKey LoadOrCreateSigningKey(string keyDirectory)
    {
        var pem = ReadOrCreate(Path.Combine(keyDirectory, "signing-key.pem"), () =>
        {
            using var created = RSA.Create(2048);
            return created.ExportRSAPrivateKeyPem();
        });
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var publicKeyHash = SHA256.HashData(rsa.ExportSubjectPublicKeyInfo());
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexStringLower(publicKeyHash)[..16] };
    }

    public static SymmetricSecurityKey LoadOrCreateEncryptionKey(string keyDirectory)
    {
        var text = ReadOrCreate(
            Path.Combine(keyDirectory, "encryption-key.txt"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new SymmetricSecurityKey(Convert.FromBase64String(text.Trim()));
    }

    /// <summary>The certificate that encrypts the Data Protection key ring at rest, as the portal's does (SEC-19).</summary>
    public static X509Certificate2 LoadOrCreateKeyEncryptionCertificate(string keyDirectory, TimeProvider time)
    {
        var pem = ReadOrCreate(Path.Combine(keyDirectory, "dataprotection-certificate.pem"), () =>
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Sandbox Cloud Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
            var now = time.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
            return created.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem();
        });
        using var fromPem = X509Certificate2.CreateFromPem(pem, pem);

        // A PFX round trip gives a certificate whose private key EncryptedXml can use on every platform.
        return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, create());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Move makes the write atomic: a crash never leaves a half-written key that would break every token.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
