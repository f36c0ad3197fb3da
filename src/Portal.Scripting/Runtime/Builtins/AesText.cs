using System.Security.Cryptography;
using System.Text;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>
/// zoho.encryption.aesEncode/aesDecode: AES-256-CBC, key = SHA-256 of the key text, a random IV before the
/// ciphertext, base64 (our choice: Zoho does not document its byte layout, so only portal-made values decode).
/// </summary>
internal static class AesText
{
    public static string Encrypt(string key, string text)
    {
        using var aes = Create(key);
        aes.GenerateIV();
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(text), aes.IV);
        return Convert.ToBase64String([.. aes.IV, .. cipher]);
    }

    public static string Decrypt(string key, string encoded)
    {
        try
        {
            var bytes = Convert.FromBase64String(encoded);
            if (bytes.Length < 32 || bytes.Length % 16 != 0)
            {
                throw new FormatException();
            }

            using var aes = Create(key);
            return Encoding.UTF8.GetString(aes.DecryptCbc(bytes.AsSpan(16), bytes.AsSpan(0, 16)));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new ScriptRuntimeException("aesDecode() could not decrypt the text: it was not made by aesEncode with this key; check the key and the value");
        }
    }

    private static Aes Create(string key)
    {
        var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return aes;
    }
}
