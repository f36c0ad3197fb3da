using Portal.Cli.Commands.Remote;

namespace Portal.Cli.Tests.Remote;

public sealed class RemoteCommandTests : IDisposable
{
    private const string Token = "pat_test_token";
    private readonly string directory = Directory.CreateTempSubdirectory("portal-cli-remote").FullName;
    private readonly FakePortalHandler portal = new(Token);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // SEC-21
    [Fact]
    public async Task Login_checks_the_token_and_saves_it_readable_only_by_the_owner()
    {
        var (exit, output, _) = await RunAsync("login", "--url", "http://portal.test", "--token", Token);

        var file = Path.Combine(ConfigDirectory, RemoteSettings.FileName);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("logged in to http://portal.test", output, StringComparison.Ordinal);
        Assert.Contains(Token, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Equal("Bearer " + Token, portal.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Login_with_a_rejected_token_saves_nothing_and_says_what_to_do()
    {
        var (exit, _, error) = await RunAsync("login", "--url", "http://portal.test", "--token", "pat_wrong");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("create a new personal access token", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(ConfigDirectory, RemoteSettings.FileName)));
    }

    [Fact]
    public async Task Push_then_exec_then_pull_round_trips_a_function()
    {
        await RunAsync("login", "--url", "http://portal.test", "--token", Token);
        var script = Path.Combine(directory, "Greet.dg");
        await File.WriteAllTextAsync(script, "return \"hello \" + who;");
        var pulled = Path.Combine(directory, "pulled.dg");

        var created = await RunAsync("push", script, "--argument", "who:text");
        var updated = await RunAsync("push", script, "--api-name", "greet");
        var executed = await RunAsync("exec", "greet", "--arg", "who=Ada");
        var pull = await RunAsync("pull", "greet", "--out", pulled);

        Assert.Equal((ExitCodes.Success, "created greet (version 1)\n"), (created.Exit, created.Output));
        Assert.Equal("updated greet (version 2)\n", updated.Output);
        Assert.Contains("\"arguments\":[{\"name\":\"who\",\"type\":\"text\"}]", portal.Requests.First(r => r.Method == HttpMethod.Post).Body, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "ran on the portal\nreturn: hello Ada\n"), (executed.Exit, executed.Output));
        Assert.Equal(ExitCodes.Success, pull.Exit);
        Assert.Equal("return \"hello \" + who;", await File.ReadAllTextAsync(pulled));
    }

    [Fact]
    public async Task Push_of_code_with_compile_errors_prints_each_diagnostic()
    {
        await RunAsync("login", "--url", "http://portal.test", "--token", Token);
        var script = Path.Combine(directory, "broken.dg");
        await File.WriteAllTextAsync(script, "x = ;");

        var (exit, _, error) = await RunAsync("push", script);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("error: line 1, column 5: expected an expression\n", error);
        Assert.False(portal.Functions.ContainsKey("broken"));
    }

    [Theory]
    [InlineData(new[] { "exec" }, "error: exec needs the function's API name; usage: portal exec API_NAME [--arg name=value]...")]
    [InlineData(new[] { "exec", "greet", "--arg", "no-equals" }, "error: unexpected argument '--arg'; usage: portal exec")]
    [InlineData(new[] { "pull", "greet", "extra" }, "error: unexpected argument 'extra'; usage: portal pull API_NAME [--out FILE]")]
    [InlineData(new[] { "push", "--api-name", "greet" }, "error: push needs a script file; usage: portal push FILE.dg")]
    [InlineData(new[] { "push", "a.dg", "--argument", "who" }, "error: unexpected argument '--argument'; usage: portal push")]
    public async Task Malformed_remote_command_lines_are_usage_errors_that_show_the_syntax(string[] arguments, string expected)
    {
        var (exit, _, error) = await RunAsync(arguments);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_commands_before_login_tell_the_user_to_log_in()
    {
        var (exit, _, error) = await RunAsync("exec", "greet");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("portal login --url URL --token PAT", error, StringComparison.Ordinal);
        Assert.Empty(portal.Requests);
    }

    [Fact]
    public async Task Exec_of_an_unknown_function_reports_the_portals_message()
    {
        await RunAsync("login", "--url", "http://portal.test", "--token", Token);

        var (exit, _, error) = await RunAsync("exec", "missing");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("error: There is no function with the API name 'missing'.\n", error);
    }

    [Fact]
    public async Task Exec_of_a_failing_function_prints_the_error_like_portal_run()
    {
        await RunAsync("login", "--url", "http://portal.test", "--token", Token);
        var script = Path.Combine(directory, "divide.dg");
        await File.WriteAllTextAsync(script, "info \"start\";\nx = 1 / 0;");
        await RunAsync("push", script);

        var (exit, output, error) = await RunAsync("exec", "divide");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("ran on the portal\n", output);
        Assert.Equal("error: line 2, column 7: division by zero\n", error);
    }

    private string ConfigDirectory => Path.Combine(directory, "config");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = CliApp.CreateDefault(remote: new RemoteEnvironment(ConfigDirectory, () => new NonDisposingHandler(portal)));

        var exit = await app.RunAsync(args, output, error, CancellationToken.None);

        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Each command disposes its client; the shared fake must survive that.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        // Not calling base.Dispose is the point: it would dispose the shared inner handler.
#pragma warning disable CA2215
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}
