using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Scripting.Values;
using Portal.Web.Data;

namespace Portal.Web.Functions.Api;

/// <summary>Reads an execute request into typed arguments: query/form parameters, a JSON {"arguments": {…}} body, or the whole request for crmAPIRequest.</summary>
internal static class ExecuteArgumentBinder
{
    public const string RequestArgument = "crmAPIRequest";

    /// <summary>Request bodies above this are refused; functions take arguments, not uploads.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    // Credentials never reach the script (SEC-21).
    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "X-Portal-Api-Key",
    };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly HashSet<string> HiddenParameters = new(StringComparer.OrdinalIgnoreCase) { "zapikey" };

    public static async Task<ArgumentBinding> BindAsync(HttpContext context, IReadOnlyList<FunctionArgument> arguments, string userId)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request);
        if (body is null)
        {
            return ArgumentBinding.Fail("body", $"The request body is larger than {MaxBodyBytes / 1024} KB; send smaller arguments.");
        }

        var isJson = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var isForm = request.HasFormContentType && request.ContentType?.Contains("urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query.Where(q => !HiddenParameters.Contains(q.Key)))
        {
            parameters[key] = value.ToString();
        }

        if (isForm)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body).Where(q => !HiddenParameters.Contains(q.Key)))
            {
                parameters[key] = value.ToString();
            }
        }

        if (arguments is [{ Name: var only }] && only.Equals(RequestArgument, StringComparison.OrdinalIgnoreCase))
        {
            var whole = await WholeRequestAsync(context, body, isJson, parameters, userId);
            return ArgumentBinding.Ok(new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase) { [only] = whole });
        }

        var raw = new Dictionary<string, (string Text, bool IsJson)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters)
        {
            raw[key] = (value, false);
        }

        if (isJson && body.Length > 0)
        {
            if (ReadJsonArguments(body) is not { } jsonArguments)
            {
                return ArgumentBinding.Fail("arguments", "The JSON body must look like {\"arguments\": {\"name\": value}}; check the brackets and quotes.");
            }

            foreach (var (key, value) in jsonArguments)
            {
                raw[key] = value;
            }
        }

        var values = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            if (!raw.TryGetValue(argument.Name, out var input))
            {
                continue;
            }

            if (!FunctionArgumentValues.TryParse(argument.Type, input.Text, out var value, out var error))
            {
                return ArgumentBinding.Fail(argument.Name, $"Argument '{argument.Name}' ({argument.Type}): {error}");
            }

            values[argument.Name] = value;
        }

        return ArgumentBinding.Ok(values);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        // Pooled buffers: a buffer of the largest allowed body for every call cost more than the run it carried (issue #18).
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length > MaxBodyBytes)
                {
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var body = buffer.AsSpan(0, length);
            return length == 0 ? string.Empty : Encoding.UTF8.GetString(body.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>String values are converted like typed input; numbers, booleans, maps and lists by their JSON text.</summary>
    private static Dictionary<string, (string Text, bool IsJson)>? ReadJsonArguments(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new Dictionary<string, (string, bool)>(StringComparer.OrdinalIgnoreCase);
            if (!document.RootElement.TryGetProperty("arguments", out var arguments))
            {
                return result;
            }

            if (arguments.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in arguments.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => (property.Value.GetString()!, false),
                    JsonValueKind.Null => (string.Empty, false),
                    _ => (property.Value.GetRawText(), true),
                };
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ScriptValue> WholeRequestAsync(HttpContext context, string body, bool isJson, Dictionary<string, string> parameters, string userId)
    {
        var request = context.Request;
        var headers = ScriptValue.Map();
        foreach (var (key, value) in request.Headers.Where(h => !HiddenHeaders.Contains(h.Key)))
        {
            headers.Set(key, ScriptValue.Text(value.ToString()));
        }

        var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var email = (await users.FindByIdAsync(userId))?.Email ?? string.Empty;
        return ScriptValue.Map(new Dictionary<string, ScriptValue>
        {
            ["method"] = ScriptValue.Text(request.Method),
            ["params"] = ScriptValue.Map(parameters.Select(p => KeyValuePair.Create(p.Key, ScriptValue.Text(p.Value)))),
            ["headers"] = headers,
            ["body"] = isJson && body.Length > 0 ? ScriptValue.ParseJsonOrText(body) : ScriptValue.Text(body),
            ["user_info"] = ScriptValue.Map(new Dictionary<string, ScriptValue> { ["id"] = ScriptValue.Text(userId), ["email"] = ScriptValue.Text(email) }),
        });
    }
}
