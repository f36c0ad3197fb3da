using Portal.Cli.Commands.Remote;

namespace Portal.Cli.Tests.RoundTrip;

/// <summary>Issue 10 acceptance 3: login → push → exec → pull against a running portal, through the CLI's entry class.</summary>
public sealed class CliRoundTripTests(RunningPortal portal) : IClassFixture<RunningPortal>, IDisposable
{
    private const string Source = "info \"greeting \" + who;\nm = map();\nm.put(\"hello\", who);\nm.put(\"n\", 3);\nreturn m;\n";

    private readonly string directory = Directory.CreateTempSubdirectory("portal-cli-roundtrip").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Login_push_exec_and_pull_round_trip_a_function_through_the_real_portal()
    {
        var token = await portal.CreateTokenAsync(RunningPortal.Developer);
        var file = Path.Combine(directory, "cli_greet.dg");
        await File.WriteAllTextAsync(file, Source);
        var pulled = Path.Combine(directory, "pulled.dg");

        var login = await RunAsync("login", "--url", portal.Url, "--token", token);
        var push = await RunAsync("push", file, "--argument", "who:text");
        var exec = await RunAsync("exec", "cli_greet", "--arg", "who=Ada");
        var local = await RunAsync("run", file, "--arg", "who=Ada");
        var pull = await RunAsync("pull", "cli_greet", "--out", pulled);

        Assert.Equal(ExitCodes.Success, login.Exit);
        Assert.Contains(token, await File.ReadAllTextAsync(Path.Combine(ConfigDirectory, RemoteSettings.FileName)), StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "created cli_greet (version 1)\n"), (push.Exit, push.Output));
        Assert.Equal((ExitCodes.Success, string.Empty), (exec.Exit, exec.Error));
        Assert.Equal("greeting Ada\nreturn: {\"hello\":\"Ada\",\"n\":3}\n", local.Output);
        Assert.Equal(local.Output, exec.Output);
        Assert.Equal(ExitCodes.Success, pull.Exit);
        Assert.Equal(Source, await File.ReadAllTextAsync(pulled));
    }

    [Fact]
    public async Task A_second_push_of_the_same_file_updates_the_function_as_a_new_version()
    {
        var token = await portal.CreateTokenAsync(RunningPortal.Developer);
        var file = Path.Combine(directory, "cli_counter.dg");
        await File.WriteAllTextAsync(file, "return 1;");
        await RunAsync("login", "--url", portal.Url, "--token", token);
        await RunAsync("push", file);
        await File.WriteAllTextAsync(file, "return 2;");

        var push = await RunAsync("push", file);
        var exec = await RunAsync("exec", "cli_counter");

        Assert.Equal((ExitCodes.Success, "updated cli_counter (version 2)\n"), (push.Exit, push.Output));
        Assert.Equal("return: 2\n", exec.Output);
    }

    [Fact]
    public async Task Pushing_an_exported_function_names_it_and_declares_its_arguments_from_the_header()
    {
        var token = await portal.CreateTokenAsync(RunningPortal.Developer);
        var file = Path.Combine(directory, "exported.dg");
        await File.WriteAllTextAsync(file, "string automation.cli_header_deal(int dealId)\n{\n  return \"deal \" + (dealId + 1);\n}\n");
        await RunAsync("login", "--url", portal.Url, "--token", token);

        var push = await RunAsync("push", file);
        var exec = await RunAsync("exec", "cli_header_deal", "--arg", "dealId=41");
        var wrongArguments = await RunAsync("push", file, "--argument", "dealId:text");

        Assert.Equal((ExitCodes.Success, "created cli_header_deal (version 1)\n"), (push.Exit, push.Output));
        Assert.Equal("return: deal 42\n", exec.Output);
        Assert.NotEqual(ExitCodes.Success, wrongArguments.Exit);
        Assert.Contains("Argument 1 differs: the code's header (line 1) declares dealId (number), the request declares dealId (text).", wrongArguments.Error, StringComparison.Ordinal);
    }

    private string ConfigDirectory => Path.Combine(directory, "config");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = CliApp.CreateDefault(remote: new RemoteEnvironment(ConfigDirectory, () => new HttpClientHandler()));

        var exit = await app.RunAsync(args, output, error, CancellationToken.None);

        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
