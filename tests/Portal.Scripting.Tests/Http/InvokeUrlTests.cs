using Portal.Scripting.Http;
using Portal.Scripting.Tests.Support;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Http;

public sealed class InvokeUrlTests(LocalHttpServer server) : IClassFixture<LocalHttpServer>, IDisposable
{
    private readonly HttpClientInvoker _invoker = new(timeout: TimeSpan.FromSeconds(20), maxResponseBytes: 64 * 1024);
    private readonly HttpClientInvoker _impatientInvoker = new(timeout: TimeSpan.FromMilliseconds(300));

    public void Dispose()
    {
        _invoker.Dispose();
        _impatientInvoker.Dispose();
    }

    [Fact]
    public async Task Get_with_map_parameters_sends_them_in_the_query_string()
    {
        var source = Script("""
            p = {"q": "a b&c", "n": 5};
            return invokeUrl [ url: "{BASE}/echo" type: GET parameters: p ];
            """);

        var result = await RunAsync(source);

        var echo = Map(result);
        Assert.Equal("GET", echo["method"]!.ToDisplayString());
        Assert.Equal("?q=a%20b%26c&n=5", echo["query"]!.ToDisplayString());
        Assert.Equal(string.Empty, echo["body"]!.ToDisplayString());
    }

    [Fact]
    public async Task Post_with_map_parameters_sends_a_form_body()
    {
        var source = Script("""return invokeUrl [ url: "{BASE}/echo" type: POST parameters: {"name": "Ann Lee", "x": "1"} ];""");

        var echo = Map(await RunAsync(source));

        Assert.Equal("name=Ann+Lee&x=1", echo["body"]!.ToDisplayString());
        Assert.StartsWith("application/x-www-form-urlencoded", echo["contentType"]!.ToDisplayString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_text_parts_and_map_parameters_are_sent_as_multipart_form_data()
    {
        var source = Script("""
            parts = List();
            parts.add({"paramName": "note", "content": "hello world", "stringPart": "true"});
            return invokeUrl [ url: "{BASE}/echo" type: POST parameters: {"id": 7} files: parts ];
            """);

        var echo = Map(await RunAsync(source));

        var contentType = echo["contentType"]!.ToDisplayString();
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var boundary = contentType["multipart/form-data; boundary=".Length..];
        Assert.Equal(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n7\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello world\r\n--{boundary}--\r\n",
            echo["body"]!.ToDisplayString());
    }

    [Fact]
    public async Task A_files_part_that_is_not_text_is_a_runtime_error_saying_what_is_missing()
    {
        var source = Script("""return invokeUrl [ url: "{BASE}/echo" type: POST files: {"paramName": "doc", "content": "x"} ];""");

        var result = await RunAsync(source);

        Assert.StartsWith("invokeUrl files: part 'doc' has no file; give \"content\" a FILE", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Error.Line);
    }

    [Fact]
    public async Task Post_with_map_parameters_and_json_content_type_sends_json()
    {
        var source = Script("""return invokeUrl [ url: "{BASE}/echo" type: POST content-type: "application/json" parameters: {"a": 1, "b": [true]} ];""");

        var echo = Map(await RunAsync(source));

        Assert.Equal("""{"a":1,"b":[true]}""", echo["body"]!.ToDisplayString());
        Assert.StartsWith("application/json", echo["contentType"]!.ToDisplayString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_content_type_from_a_header_also_sends_the_map_as_json()
    {
        var source = Script("""
            h = {"Content-Type": "application/json", "X-Trace": "t1"};
            return invokeUrl [ url: "{BASE}/echo" type: PUT headers: h parameters: {"a": 1} ];
            """);

        var echo = Map(await RunAsync(source));

        Assert.Equal("PUT", echo["method"]!.ToDisplayString());
        Assert.Equal("""{"a":1}""", echo["body"]!.ToDisplayString());
        Assert.Equal("t1", ((ScriptMap)echo["headers"]!)["X-Trace"]!.ToDisplayString());
    }

    [Fact]
    public async Task Raw_body_is_sent_as_is_with_text_plain_by_default()
    {
        var source = Script("""return invokeUrl [ url: "{BASE}/echo" type: PATCH body: "<xml>1</xml>" ];""");

        var echo = Map(await RunAsync(source));

        Assert.Equal("<xml>1</xml>", echo["body"]!.ToDisplayString());
        Assert.StartsWith("text/plain", echo["contentType"]!.ToDisplayString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_parameters_use_the_given_content_type()
    {
        var source = Script("""return invokeUrl [ url: "{BASE}/echo" type: POST parameters: "{\"k\":1}" content-type: "application/vnd.api+json" ];""");

        var echo = Map(await RunAsync(source));

        Assert.Equal("""{"k":1}""", echo["body"]!.ToDisplayString());
        Assert.StartsWith("application/vnd.api+json", echo["contentType"]!.ToDisplayString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detailed_returns_code_headers_and_parsed_text()
    {
        var source = Script("""
            r = invokeUrl [ url: "{BASE}/echo" detailed: true ];
            info r.get("responseCode");
            info r.get("responseHeader").get("X-Echo");
            return r.get("responseText").get("method");
            """);

        var result = await RunAsync(source);

        Assert.Null(result.Error);
        Assert.Equal(["200", "yes"], result.Info);
        Assert.Equal("GET", result.ReturnValue!.ToDisplayString());
    }

    [Fact]
    public async Task Array_responses_become_lists_and_other_bodies_text()
    {
        var source = Script("""
            a = invokeUrl [ url: "{BASE}/array" ];
            t = invokeUrl [ url: "{BASE}/text" ];
            info a.size();
            info a.get(2).get("a");
            info t;
            return t.isText();
            """);

        var result = await RunAsync(source);

        Assert.Equal(["3", "3", "just text"], result.Info);
        Assert.Equal("true", result.ReturnValue!.ToDisplayString());
    }

    [Fact]
    public async Task Client_and_server_errors_are_returned_not_thrown()
    {
        var source = Script("""
            plain = invokeUrl [ url: "{BASE}/notfound" ];
            info plain.get("error");
            detailed = invokeUrl [ url: "{BASE}/servererror" detailed: true ];
            info detailed.get("responseCode");
            return detailed.get("responseText");
            """);

        var result = await RunAsync(source);

        Assert.Null(result.Error);
        Assert.Equal(["no such record", "500"], result.Info);
        Assert.Equal("boom", result.ReturnValue!.ToDisplayString());
    }

    [Fact]
    public async Task A_timeout_is_a_runtime_error_that_try_catch_catches()
    {
        var source = Script("""
            try {
              r = invokeUrl [ url: "{BASE}/slow" ];
            } catch (e) {
              return "caught: " + e;
            }
            """);

        var result = await RunAsync(source, _impatientInvoker);

        Assert.StartsWith("caught: request to 127.0.0.1 timed out", result.ReturnValue!.ToDisplayString(), StringComparison.Ordinal);
        Assert.Equal(0, result.HttpCalls.Single().StatusCode);
    }

    [Fact]
    public async Task An_oversized_response_is_a_runtime_error_that_try_catch_catches()
    {
        var source = Script("""
            try {
              r = invokeUrl [ url: "{BASE}/big" ];
            } catch (e) {
              return e;
            }
            """);

        var result = await RunAsync(source);

        Assert.Contains("response is larger than", result.ReturnValue!.ToDisplayString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_are_refused_by_the_cli_invoker_with_a_clear_error()
    {
        var source = Script("""r = invokeUrl [ url: "{BASE}/echo" connection: "crm" ];""");

        var result = await RunAsync(source);

        Assert.Equal(1, result.Error!.Line);
        Assert.Contains("connections are only available inside the portal", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_invoker_only_calls_http_and_https_urls()
    {
        var source = "try {\n  r = invokeUrl [ url: \"file:///etc/passwd\" ];\n} catch (e) {\n  return e;\n}";

        var result = await RunAsync(source);

        Assert.Equal("\"file:///etc/passwd\" is not an http(s) URL; use a full address like https://api.example.com/path", result.ReturnValue!.ToDisplayString());
    }

    [Fact]
    public async Task A_response_over_the_run_limit_is_refused_even_when_the_invoker_accepts_it()
    {
        var script = ScriptEngine.Compile(Script("""r = invokeUrl [ url: "{BASE}/big" ];"""));
        using var generous = new HttpClientInvoker(maxResponseBytes: 1_000_000);

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(generous), new ScriptLimits { MaxResponseBytes = 100_000 });

        Assert.StartsWith($"response from {server.BaseUrl}/big is larger than 100,000 bytes", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_is_recorded_in_the_trace()
    {
        var source = Script("""
            a = invokeUrl [ url: "{BASE}/echo" type: POST body: "hello" ];
            b = invokeUrl [ url: "{BASE}/notfound" ];
            """);

        var result = await RunAsync(source);

        Assert.Collection(
            result.HttpCalls,
            first =>
            {
                Assert.Equal("POST", first.Method);
                Assert.Equal(200, first.StatusCode);
                Assert.Equal("hello", first.RequestBodyPreview);
                Assert.Contains("\"method\":\"POST\"", first.ResponseBodyPreview, StringComparison.Ordinal);
            },
            second => Assert.Equal(404, second.StatusCode));
    }

    [Fact]
    public async Task The_seed_sample_corrected_runs_and_returns_the_parsed_response()
    {
        var source = Script("""
            headermap = map();
            headermap.put("X-Goes-In-Header", "value");
            paramMap = map();
            paramMap.put("this goes in the body", "body");
            info paramMap;
            response = invokeUrl [
            url: "{BASE}/echo"
            type: POST
            headers: headermap
            content-type: "application/json"
            parameters: paramMap.toString()
            connection: "mine"
            ];
            info response.get("method");
            return response;
            """);

        var result = await RunAsync(source, new ConnectionSimulatingInvoker(_invoker));

        Assert.Null(result.Error);
        Assert.Equal(["""{"this goes in the body":"body"}""", "POST"], result.Info);
        var echo = Map(result);
        Assert.Equal("""{"this goes in the body":"body"}""", echo["body"]!.ToDisplayString());
        var headers = (ScriptMap)echo["headers"]!;
        Assert.Equal("value", headers["X-Goes-In-Header"]!.ToDisplayString());
        Assert.Equal("Bearer test-token", headers["Authorization"]!.ToDisplayString());
    }

    private string Script(string source) => source.Replace("{BASE}", server.BaseUrl, StringComparison.Ordinal);

    private async Task<RunResult> RunAsync(string source, IHttpInvoker? invoker = null)
    {
        var script = ScriptEngine.Compile(source);
        Assert.Empty(script.Diagnostics);
        return await ScriptEngine.RunAsync(script, null, TestHost.Create(invoker ?? _invoker));
    }

    private static ScriptMap Map(RunResult result)
    {
        Assert.Null(result.Error);
        return Assert.IsType<ScriptMap>(result.ReturnValue);
    }
}
