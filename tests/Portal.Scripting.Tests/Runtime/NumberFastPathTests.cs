using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Runtime;

/// <summary>
/// The evaluator computes chains of whole-number arithmetic and comparisons without boxing the intermediate results;
/// every case here must give exactly what the general operator rules give (value, DECIMAL switch, error text and place).
/// </summary>
public sealed class NumberFastPathTests
{
    [Theory]
    [InlineData("return 10 - 3 - 2;", "5")]
    [InlineData("x = 7; return x * 3 % 7 - 1;", "-1")]
    [InlineData("return 7 / 2;", "3.5")]
    [InlineData("return 8 / 2 * 3;", "12")]
    [InlineData("return 7 / 2 * 2;", "7.0")]
    [InlineData("return 10 / 4 * 4 == 10;", "true")]
    [InlineData("return -7 / 7;", "-1")]
    [InlineData("return -7 % 3;", "-1")]
    [InlineData("a = -9223372036854775807 - 1; return a % -1;", "0")]
    [InlineData("a = 9223372036854775807; return a / -1;", "-9223372036854775807")]
    [InlineData("return 3 < 3.5;", "true")]
    [InlineData("return 2 + 1.5 * 2;", "5.0")]
    [InlineData("return 1 + 2 + \"a\" + 1 + 2;", "3a12")]
    [InlineData("return 1 + 2 * 3 - 4 % 3 < 10 == true;", "true")]
    [InlineData("x = 5; return x + 1 > x == (x - 1 < x);", "true")]
    [InlineData("return 100000 * 100000 * 1000;", "10000000000000")]
    [InlineData("t = 0; for each x in {1, 2, 3, 1000, 2000} { t = t + x * x % 7 - 1; } return t;", "7")]
    [InlineData("x = 2000; return x == 2000.0;", "true")]
    [InlineData("x = 2000; return x != 2000 || x >= 2001;", "false")]
    public async Task Whole_number_chains_give_the_general_rules_results(string source, string expected)
    {
        var result = await Run(source);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(expected, result.ReturnValue!.ToDisplayString());
    }

    [Theory]
    [InlineData("a = 9223372036854775807;\nreturn 1 + a * 2;", "number overflow", 2, 1)]
    [InlineData("a = -9223372036854775807 - 1;\nreturn 0 + a / -1;", "number overflow", 2, 1)]
    [InlineData("a = 3;\nreturn 1 + a % 0;", "division by zero", 2, 14)]
    [InlineData("a = 3;\nreturn 1 + a / (a - 3);", "division by zero", 2, 14)]
    [InlineData("a = 3;\nreturn 1 + (a < 2) * 2;", "cannot use '*' on BOOLEAN (false) and NUMBER (2)", 2, 20)]
    [InlineData("a = null;\nreturn 2 * 3 - a;", "cannot use '-' on NUMBER (6) and NULL (null)", 2, 14)]
    [InlineData("return 1 + b * 2;", "variable 'b' is used before it has a value", 1, 12)]
    public async Task Errors_inside_chains_keep_their_message_and_position(string source, string message, int line, int column)
    {
        var result = await Run(source);

        Assert.NotNull(result.Error);
        Assert.StartsWith(message, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (result.Error.Line, result.Error.Column));
    }

    private static Task<RunResult> Run(string source) => ScriptEngine.RunAsync(ScriptEngine.Compile(source), null, TestHost.Create());
}
