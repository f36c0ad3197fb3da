using System.Net;
using System.Security.Cryptography;
using System.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class GlobalFunctions
{
    public static void RequireCount(string name, int count, int min, int max)
    {
        if (count < min || count > max)
        {
            throw new ScriptRuntimeException($"{name}() takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")} argument(s) but got {count}");
        }
    }

    public static ScriptValue Call(RunState state, GlobalFunctionId id, string name, ScriptValue[] args)
    {
        switch (id)
        {
            case GlobalFunctionId.Map:
                Args.Count(name, args, 0, 0);
                return new ScriptMap();
            case GlobalFunctionId.List:
            case GlobalFunctionId.Collection:
                state.CheckCollectionSize(args.Length);
                return new ScriptList(args);
            case GlobalFunctionId.IsNull:
                Args.Count(name, args, 1, 1);
                return Args.Bool(MethodDispatcher.IsNullOrEmptyText(args[0]));
            case GlobalFunctionId.IsBlank:
                Args.Count(name, args, 1, 1);
                return Args.Bool(args[0] switch
                {
                    ScriptNull => true,
                    ScriptText text => string.IsNullOrWhiteSpace(text.Value),
                    ScriptList list => list.Count == 0,
                    ScriptMap map => map.Count == 0,
                    _ => false,
                });
            case GlobalFunctionId.EncodeUrl:
                Args.Count(name, args, 1, 1);
                return Encoded(state, WebUtility.UrlEncode(Args.Text(state, args, 0)));
            case GlobalFunctionId.UrlEncode:
            case GlobalFunctionId.EncryptionUrlEncode:
                Args.Count(name, args, 1, 1);
                return Encoded(state, Uri.EscapeDataString(Args.Text(state, args, 0)));
            case GlobalFunctionId.UrlDecode:
            case GlobalFunctionId.EncryptionUrlDecode:
                Args.Count(name, args, 1, 1);
                return new ScriptText(WebUtility.UrlDecode(Args.Text(state, args, 0)));
            case GlobalFunctionId.ToJsonList:
                Args.Count(name, args, 1, 1);
                return args[0] is ScriptList existing ? new ScriptList(existing.Items, adopt: false) : TextMethods.ToJsonList(state, Args.Text(state, args, 0));
            case GlobalFunctionId.Len:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(args[0] switch
                {
                    ScriptList list => list.Count,
                    ScriptMap map => map.Count,
                    ScriptNull => 0,
                    _ => Args.Text(state, args, 0).Length,
                });
            case GlobalFunctionId.RandomNumber:
                Args.Count(name, args, 2, 2);
                var low = Args.Integer(name, args, 0);
                var high = Args.Integer(name, args, 1);
                if (low > high)
                {
                    throw new ScriptRuntimeException($"randomNumber({low}, {high}) needs the first number to be at most the second");
                }

                return ScriptNumber.Of(high == long.MaxValue ? Random.Shared.NextInt64(low, high) : Random.Shared.NextInt64(low, high + 1));
            case GlobalFunctionId.Min:
            case GlobalFunctionId.Max:
                Args.Count(name, args, 2, 2);
                var comparison = ValueComparer.Compare(args[0], args[1]);
                return id == GlobalFunctionId.Min ? (comparison <= 0 ? args[0] : args[1]) : (comparison >= 0 ? args[0] : args[1]);
            case GlobalFunctionId.Base64Encode:
                Args.Count(name, args, 1, 1);
                return Encoded(state, Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.Text(state, args, 0))));
            case GlobalFunctionId.Base64Decode:
                Args.Count(name, args, 1, 1);
                try
                {
                    return new ScriptText(Encoding.UTF8.GetString(Convert.FromBase64String(Args.Text(state, args, 0))));
                }
                catch (FormatException)
                {
                    throw new ScriptRuntimeException("base64Decode() got text that is not valid base64; check where the value comes from");
                }

            case GlobalFunctionId.HmacSha256:
            case GlobalFunctionId.HmacSha1:
            case GlobalFunctionId.HmacSha512:
                Args.Count(name, args, 2, 3);
                var keyBytes = Encoding.UTF8.GetBytes(Args.Text(state, args, 0));
                var messageBytes = Encoding.UTF8.GetBytes(Args.Text(state, args, 1));
                var hash = id switch
                {
                    // hmacSha1 is a signing primitive scripts need for APIs that still require it (OAuth 1.0a, webhook
                    // signatures); the script picks the algorithm the remote API demands, so it cannot be a stronger one.
#pragma warning disable CA5350
                    GlobalFunctionId.HmacSha1 => HMACSHA1.HashData(keyBytes, messageBytes),
#pragma warning restore CA5350
                    GlobalFunctionId.HmacSha512 => HMACSHA512.HashData(keyBytes, messageBytes),
                    _ => HMACSHA256.HashData(keyBytes, messageBytes),
                };
                var format = args.Length > 2 ? Args.Text(state, args, 2) : "base64";
                return format.ToLowerInvariant() switch
                {
                    "hex" => new ScriptText(Convert.ToHexStringLower(hash)),
                    "base64" => new ScriptText(Convert.ToBase64String(hash)),
                    _ => throw new ScriptRuntimeException($"{name[(name.LastIndexOf('.') + 1)..]}() output format must be \"base64\" or \"hex\", not \"{format}\""),
                };
            case GlobalFunctionId.AesEncode:
                Args.Count(name, args, 2, 2);
                return Encoded(state, AesText.Encrypt(Args.Text(state, args, 0), Args.Text(state, args, 1)));
            case GlobalFunctionId.AesDecode:
                Args.Count(name, args, 2, 2);
                return new ScriptText(AesText.Decrypt(Args.Text(state, args, 0), Args.Text(state, args, 1)));
            default:
                throw new ScriptRuntimeException($"unknown function '{name}'; check the spelling");
        }
    }

    private static ScriptText Encoded(RunState state, string value)
    {
        state.CheckTextLength(value.Length);
        return new ScriptText(value);
    }
}
