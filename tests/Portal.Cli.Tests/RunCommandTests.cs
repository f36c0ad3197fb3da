using Portal.Scripting.Http;

namespace Portal.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_prints_info_lines_then_the_raw_text_return_value()
    {
        var file = _cli.Write("hello.dg", "info \"first\";\ninfo {\"a\": 1};\nreturn \"done\";");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("first\n{\"a\":1}\nreturn: done\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Non_text_return_values_are_printed_as_json()
    {
        var file = _cli.Write("map.dg", "return {\"when\": '01-Jan-2024', \"n\": [1, 2.50]};");

        var (_, output, _) = await _cli.RunAsync(null, "run", file);

        Assert.Equal("return: {\"when\":\"01-Jan-2024\",\"n\":[1,2.50]}\n", output);
    }

    [Fact]
    public async Task Arguments_are_passed_as_json_values_or_text()
    {
        var file = _cli.Write("args.dg", "info name + \" is \" + age.toString();\nreturn tags.size() + age;");

        var (exitCode, output, _) = await _cli.RunAsync(null, "run", file, "--arg", "name=Ann Lee", "--arg", "age=30", "--arg", "tags=[\"a\",\"b\"]");

        Assert.Equal(0, exitCode);
        Assert.Equal("Ann Lee is 30\nreturn: 32\n", output);
    }

    [Fact]
    public async Task A_runtime_error_goes_to_stderr_with_its_location_and_exit_code_1()
    {
        var file = _cli.Write("fail.dg", "info \"before\";\nx = 1;\ny = x / 0;");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(1, exitCode);
        Assert.Equal("before\n", output);
        Assert.Equal("error: line 3, column 7: division by zero; check that the divisor is not 0 before dividing\n", error);
    }

    [Fact]
    public async Task Syntax_errors_are_all_reported_and_nothing_runs()
    {
        var file = _cli.Write("broken.dg", "info \"never\";\nx = (1 + ;\ny = 2\n");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("error: line 2, column 10: expected a value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_mode_prints_one_object_with_info_return_error_and_statements()
    {
        var file = _cli.Write("json.dg", "info \"a\";\nreturn {\"k\": true};");

        var (exitCode, output, _) = await _cli.RunAsync(null, "run", file, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("{\"info\":[\"a\"],\"return\":{\"k\":true},\"error\":null,\"statements\":2}\n", output);
    }

    [Fact]
    public async Task Json_mode_reports_errors_in_the_object_and_exits_1()
    {
        var file = _cli.Write("json-fail.dg", "x = missing;");

        var (exitCode, output, _) = await _cli.RunAsync(null, "run", file, "--json");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("{\"info\":[],\"return\":null,\"error\":{\"message\":\"variable 'missing' is used before it has a value", output, StringComparison.Ordinal);
        Assert.EndsWith("\"line\":1,\"column\":5},\"statements\":1}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeUrl_goes_through_the_cli_invoker()
    {
        var file = _cli.Write("http.dg", "r = invokeUrl [ url: \"http://127.0.0.1:1/x\" type: POST parameters: {\"a\": \"b c\"} ];\nreturn r.get(\"ok\");");
        var invoker = new RecordingInvoker();

        var (exitCode, output, _) = await _cli.RunAsync(invoker, "run", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("return: true\n", output);
        Assert.Equal("a=b+c", invoker.Last!.Body);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (exitCode, _, error) = await _cli.RunAsync(null, "run", "/nope/missing.dg");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: file '/nope/missing.dg' was not found; check the path\n", error);
    }

    [Fact]
    public async Task Unknown_commands_and_no_arguments_print_usage_help()
    {
        var unknown = await _cli.RunAsync(null, "deploy");
        var none = await _cli.RunAsync(null);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown command 'deploy'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("run FILE.dg", none.Error, StringComparison.Ordinal);
    }

    private sealed class RecordingInvoker : IHttpInvoker
    {
        public HttpInvocationRequest? Last { get; private set; }

        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpInvocationResponse { StatusCode = 200, Body = "{\"ok\": true}" });
        }
    }
}
