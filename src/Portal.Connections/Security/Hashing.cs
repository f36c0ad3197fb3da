using System.Security.Cryptography;
using System.Text;

namespace Portal.Connections.Security;

internal static class Hashing
{
    public static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Base64url of <paramref name="bytes"/> random bytes.</summary>
    public static string RandomToken(int bytes = 32) =>
        Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    public static string Base64UrlEncode(byte[] data) =>
        System.Buffers.Text.Base64Url.EncodeToString(data);

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
