using System.Security.Cryptography;
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
