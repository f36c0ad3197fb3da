namespace Portal.Cli.Tests;

public sealed class RunHeaderTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_binds_arguments_to_the_header_and_converts_them_to_the_declared_types()
    {
        var file = _cli.Write("deal.dg", "string automation.update_deal(int dealId, String note)\n{\n  return (dealId + 1) + \" \" + note;\n}");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file, "--arg", "dealId=5", "--arg", "note=12");

        Assert.Equal(0, exitCode);
        Assert.Equal("return: 6 12\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task An_argument_that_does_not_fit_its_declared_type_is_an_error_naming_it_and_its_type()
    {
        var file = _cli.Write("deal.dg", "void automation.update_deal(int dealId)\n{\n  info dealId;\n}");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file, "--arg", "dealId=x");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal("error: line 1, column 1: argument 'dealId' is declared int but got \"x\" (TEXT); pass a whole number such as 5\n", error);
    }

    [Fact]
    public async Task Saved_functions_are_found_as_name_dg_beside_the_script_through_every_namespace()
    {
        _cli.Write("double_it.dg", "int standalone.double_it(int n)\n{\n  return n * 2;\n}");
        var file = _cli.Write("main.dg", "info standalone.double_it(1);\ninfo automation.double_it(\"2\");\ninfo button.Double_It(3);\nreturn thisapp.double_it(4);");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("2\n4\n6\nreturn: 8\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task A_saved_function_missing_beside_the_script_is_named_in_the_error()
    {
        var file = _cli.Write("main.dg", "x = automation.nowhere(1);");

        var (exitCode, _, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: line 1, column 5: there is no saved function with API name 'nowhere'; check the name on the function's page\n", error);
    }

    [Fact]
    public async Task Warnings_go_to_stderr_and_the_script_still_runs()
    {
        var file = _cli.Write("warn.dg", "x = 1;\nif(x = 1)\n{\n  info \"one\";\n}");

        var (exitCode, output, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("one\nreturn: null\n", output);
        Assert.StartsWith("warning: line 2, column 6: '=' inside a condition compares here", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sendmail_on_the_command_line_fails_with_a_clear_error()
    {
        var file = _cli.Write("mail.dg", "sendmail [ to: \"a@example.com\" subject: \"s\" message: \"m\" ]");

        var (exitCode, _, error) = await _cli.RunAsync(null, "run", file);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: line 1, column 1: sendmail cannot deliver mail here", error, StringComparison.Ordinal);
    }
}
