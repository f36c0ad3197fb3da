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
        Assert.Equal(3, lines.Length);
        Assert.Equal("checked 1 file: 0 ok, 1 with errors", lines[2]);
        Assert.StartsWith($"{file}:2:22: error: invokeUrl started at line 2 has no 'url:' key", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:5:1: error: line 5: expected ']' to close invokeUrl started at line 2", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_valid_script_prints_only_the_summary_and_exits_0()
    {
        var file = _cli.Write("ok.dg", "x = 1;\ninfo x;");

        var (exitCode, output, error) = await _cli.RunAsync(null, "check", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("checked 1 file: 1 ok, 0 with errors\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Check_takes_several_files_and_folders_and_ends_with_one_summary_line()
    {
        var good = _cli.Write("good.dg", "x = 1;");
        var bad = _cli.Write("bad.dg", "x = ;");
        var folder = Path.Combine(Path.GetDirectoryName(good)!, "more");
        Directory.CreateDirectory(Path.Combine(folder, "nested"));
        File.WriteAllText(Path.Combine(folder, "a.dg"), "info 1;");
        File.WriteAllText(Path.Combine(folder, "nested", "b.dg"), "info (;");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a script (");

        var (exitCode, output, _) = await _cli.RunAsync(null, "check", good, bad, folder);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{bad}:1:5: error:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Path.Combine(folder, "nested", "b.dg")}:1:7: error:", lines[1], StringComparison.Ordinal);
        Assert.Equal("checked 4 files: 2 ok, 2 with errors", lines[^1]);
    }

    [Fact]
    public async Task A_task_of_a_pack_the_portal_lacks_is_a_warning_that_keeps_exit_code_0()
    {
        var file = _cli.Write("books.dg", "x = zoho.books.getRecords(\"Invoices\", \"1\");");

        var (exitCode, output, _) = await _cli.RunAsync(null, "check", file);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            $"{file}:1:5: warning: task 'zoho.books.getRecords' belongs to Zoho Books, which this portal does not provide (it has the zoho.crm pack); call that product's API with invokeUrl and a connection, which reaches any API\n"
            + "checked 1 file: 1 ok, 0 with errors\n",
            output);
    }

    [Fact]
    public async Task Check_of_a_missing_path_names_it()
    {
        var (exitCode, _, error) = await _cli.RunAsync(null, "check", "/nope/missing.dg");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: file or folder '/nope/missing.dg' was not found; check the path\n", error);
    }

    [Fact]
    public async Task Check_without_a_file_explains_the_usage()
    {
        var (exitCode, _, error) = await _cli.RunAsync(null, "check");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: portal check FILE.dg|FOLDER...", error, StringComparison.Ordinal);
    }
}
