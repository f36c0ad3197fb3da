using System.Net;
using System.Text;
using Portal.Scripting.Http;
using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Builds the invokeUrl request (encoding exactly as src/docs/LANGUAGE.md, "invokeUrl", says), calls the host, converts and traces the answer.</summary>
internal static class InvokeUrlExecutor
{
    public static ScriptValue Execute(Evaluator evaluator, InvokeUrlExpression node, RunState state)
    {
        if (++state.HttpCallCount > state.Limits.MaxHttpCalls)
        {
            throw new ScriptLimitException($"invokeUrl limit exceeded: more than {state.Limits.MaxHttpCalls} calls in one run; batch the requests or split the work", node.Span);
        }

        var request = BuildRequest(evaluator, node, state);
        var started = state.Host.TimeProvider.GetTimestamp();
        HttpInvocationResponse response;
        try
        {
            response = state.Host.Http.InvokeAsync(request, state.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (state.Token.IsCancellationRequested)
        {
            Record(state, request, started, null, "cancelled: the run's time limit was reached");
            state.ThrowCancelled(node.Span);
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // A host that let a transport exception through: the same error as a failure it returned.
            response = HttpInvocationResponse.Failed(e is OperationCanceledException
                ? $"request to {request.Url} timed out; check that the service is up or try again later"
                : e.Message);
        }

        if (response.Failure is { } failure)
        {
            if (response.Trace is { } hostTrace)
            {
                state.HttpCalls.Add(failure.NotSent ? hostTrace with { NotSent = true } : hostTrace);
            }
            else
            {
                Record(state, request, started, null, failure.Message, failure.NotSent);
            }

            throw new ScriptRuntimeException(failure.Message, node.Span);
        }

        if (response.BodyBytes?.Length > state.Limits.MaxResponseBytes
            || (response.Body.Length > state.Limits.MaxResponseBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(response.Body) > state.Limits.MaxResponseBytes))
        {
            Record(state, request, started, response, "response too large");
            throw new ScriptRuntimeException($"response from {request.Url} is larger than {state.Limits.MaxResponseBytes:N0} bytes; ask the API for less data (paging or filters)", node.Span);
        }

        Record(state, request, started, response, null);
        var body = response.BodyBytes is { } bytes ? File(request, response, bytes) : ConvertBody(state, response.Body);
        if (!request.Detailed)
        {
            return body;
        }

        var headers = new ScriptMap();
        foreach (var (name, value) in response.Headers)
        {
            headers.Entries[name] = new ScriptText(value);
        }

        var detailed = new ScriptMap();
        detailed.Entries["responseCode"] = ScriptNumber.Of(response.StatusCode);
        detailed.Entries["responseHeader"] = headers;
        detailed.Entries["responseText"] = body;
        return detailed;
    }

    private static HttpInvocationRequest BuildRequest(Evaluator evaluator, InvokeUrlExpression node, RunState state)
    {
        var url = Text(state, evaluator.EvaluateOptional(node.Url), "url")
            ?? throw new ScriptRuntimeException("invokeUrl url is null; give it the address to call", node.Url?.Span);
        var method = (Text(state, evaluator.EvaluateOptional(node.Type), "type") ?? "GET").ToUpperInvariant();
        if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            throw new ScriptRuntimeException($"invokeUrl type \"{method}\" is not supported; use GET, POST, PUT, PATCH or DELETE", node.Type?.Span);
        }

        var headers = new List<KeyValuePair<string, string>>();
        string? headerContentType = null;
        switch (evaluator.EvaluateOptional(node.Headers))
        {
            case ScriptMap map:
                foreach (var (name, value) in map.Entries)
                {
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        headerContentType = state.Display(value);
                    }
                    else
                    {
                        headers.Add(new(name, state.Display(value)));
                    }
                }

                break;
            case ScriptNull:
                break;
            case var other:
                throw new ScriptRuntimeException($"invokeUrl headers must be a MAP but got {other.TypeName}; build them with Map() and put()", node.Headers?.Span);
        }

        var contentType = Text(state, evaluator.EvaluateOptional(node.ContentType), "content-type") ?? headerContentType;
        var parameters = evaluator.EvaluateOptional(node.Parameters);
        var rawBody = Text(state, evaluator.EvaluateOptional(node.Body), "body");
        var connection = Text(state, evaluator.EvaluateOptional(node.Connection), "connection");
        var detailed = evaluator.EvaluateOptional(node.Detailed) switch
        {
            ScriptBoolean boolean => boolean.Value,
            ScriptNull => false,
            var other => throw new ScriptRuntimeException($"invokeUrl detailed must be true or false but got {other.TypeName}", node.Detailed?.Span),
        };

        string? body = null;
        byte[]? bodyBytes = null;
        string? bodyPreview = null;
        var files = evaluator.EvaluateOptional(node.Files);
        if (files is not ScriptNull)
        {
            if (rawBody is not null)
            {
                throw new ScriptRuntimeException("invokeUrl has both files: and body:; send the data with only one of them", node.Body?.Span);
            }

            (bodyBytes, contentType, bodyPreview) = MultipartBody.Build(state, files, parameters, node);
            parameters = ScriptNull.Instance;
        }

        switch (parameters)
        {
            case ScriptMap map when method is "GET" or "DELETE":
                if (map.Count > 0)
                {
                    url += (url.Contains('?') ? "&" : "?") + Encode(state, map, Uri.EscapeDataString);
                }

                break;
            case ScriptMap map when contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase):
                body = state.Display(map);
                break;
            case ScriptMap map:
                body = Encode(state, map, WebUtility.UrlEncode);
                contentType ??= "application/x-www-form-urlencoded";
                break;
            case ScriptNull:
                break;
            default:
                body = state.Display(parameters);
                contentType ??= "text/plain";
                break;
        }

        if (rawBody is not null)
        {
            if (body is not null)
            {
                throw new ScriptRuntimeException("invokeUrl has both parameters: and body:; send the data with only one of them", node.Body?.Span);
            }

            body = rawBody;
            contentType ??= "text/plain";
        }

        return new HttpInvocationRequest
        {
            Method = method,
            Url = url,
            Headers = headers,
            Body = body,
            BodyBytes = bodyBytes,
            BodyPreview = bodyPreview,
            ContentType = body is null && bodyBytes is null ? contentType : contentType ?? "text/plain",
            ConnectionLinkName = connection,
            Detailed = detailed,
        };
    }

    private static string? Text(RunState state, ScriptValue value, string key) => value switch
    {
        ScriptNull => null,
        ScriptText text => text.Value,
        ScriptMap or ScriptList when key is "url" or "type" or "connection" or "content-type" =>
            throw new ScriptRuntimeException($"invokeUrl {key} must be TEXT but got {value.TypeName}"),
        _ => state.Display(value),
    };

    private static string Encode(RunState state, ScriptMap map, Func<string, string> encode)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in map.Entries)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(encode(key)).Append('=').Append(encode(state.Display(value)));
        }

        return builder.ToString();
    }

    // A binary answer is a FILE, as in Zoho: named by Content-Disposition (or the URL), typed by Content-Type.
    private static ScriptFile File(HttpInvocationRequest request, HttpInvocationResponse response, byte[] bytes)
    {
        var name = ResponseBody.FileName(ResponseBody.Header(response.Headers, "Content-Disposition"), request.Url);
        var type = ResponseBody.Header(response.Headers, "Content-Type")?.Split(';')[0].Trim();
        return new ScriptFile(name, string.IsNullOrEmpty(type) ? FileContentTypes.FromName(name) : type, bytes);
    }

    private static ScriptValue ConvertBody(RunState state, string body)
    {
        if (!JsonValueReader.LooksLikeJson(body))
        {
            return new ScriptText(body);
        }

        try
        {
            return TextMethods.ParseJson(state, body);
        }
        catch (ScriptRuntimeException e) when (e is not ScriptLimitException)
        {
            return new ScriptText(body);
        }
    }

    private static void Record(RunState state, HttpInvocationRequest request, long started, HttpInvocationResponse? response, string? error, bool notSent = false)
    {
        if (response?.Trace is { } hostTrace)
        {
            state.HttpCalls.Add(hostTrace);
            return;
        }

        var headers = request.ContentType is null ? request.Headers : [.. request.Headers, new("Content-Type", request.ContentType)];
        state.HttpCalls.Add(new HttpTraceEntry
        {
            Method = request.Method,
            Url = request.Url,
            StatusCode = response?.StatusCode ?? 0,
            Duration = state.Host.TimeProvider.GetElapsedTime(started),
            RequestHeaders = headers,
            ResponseHeaders = response is null ? [] : [.. response.Headers],
            RequestBodyPreview = HttpTraceEntry.Preview(request.Body) ?? request.BodyPreview,
            ResponseBodyPreview = response?.BodyBytes is { } bytes ? ResponseBody.Preview(ResponseBody.Header(response.Headers, "Content-Type"), bytes.LongLength) : HttpTraceEntry.Preview(response?.Body),
            ConnectionLinkName = request.ConnectionLinkName,
            Error = error,
            NotSent = notSent,
        });
    }
}
