namespace Portal.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Check_prints_every_error_as_file_line_column_and_exits_1()
    {
        var file = _cli.Write("seed.dg", "paramMap = map();\nresponse = invokeUrl [\ntype: POST\nparameters: paramMap.toString()\ninfo response;\nreturn \"\";\n");

        var (exitCode, output, _) = await _cli.RunAsync(null, "check", file);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{file}:2:22: error: invokeUrl started at line 2 has no 'url:' key", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:5:1: error: line 5: expected ']' to close invokeUrl started at line 2", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_valid_script_prints_nothing_and_exits_0()
    {
        var file = _cli.Write("ok.dg", "x = 1;\ninfo x;");

        var (exitCode, output, error) = await _cli.RunAsync(null, "check", file);

        Assert.Equal(0, exitCode);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Check_without_a_file_explains_the_usage()
    {
        var (exitCode, _, error) = await _cli.RunAsync(null, "check");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: portal check FILE.dg", error, StringComparison.Ordinal);
    }
}
