using System.Diagnostics;
using System.Text;
using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Fuzz;

public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "(", ")", "{", "}", "[", "]", ";", ",", ":", ".", "\"", "'", "+", "-", "*", "/", "%", "!", "=", "==", "!=", "<", ">=", "&&", "||",
        "if", "else", "for each", "index", "in", "try", "catch", "info", "return", "break", "continue", "invokeUrl", "url:", "type:",
        "null", "true", "0", "-1", "9223372036854775807", "1.5", "\"x\"", "'01-Jan-2024'", "x", "m.put(", ".get(", ".toList(", ".toMap()",
        "Map()", "List()", "standalone.f(", "zoho.crm.x(", "zoho.currenttime", "\n", " ", "/*", "*/", "//", "\\", "€", "\0",
        "string standalone.f(int a)", "void automation.g(", "Map button.h(String s, list l)", "int", "input.x", "input.", "sendmail", "sendmail [",
        "to:", "from: zoho.adminuserid", "subject:", "message:", "reply to:", "content type:", "cc:", "attachments: file:", "Collection(",
        "\"k\" :", "Collection(1, 2)", "automation.f(", "thisapp.f(", "zoho.books.x(", "zoho.adminuserid", "''", "if(x = 1)",
        "files:", "files: f", ".toFile(\"a.txt\")", "toFile(", ".setParamName(\"file\")", ".getFileContent()", ".getFileSize()", ".isFile()",
        ".setFileType(", ".getFileName()", "zoho.crm.attachFile(\"Leads\", 1, f)",
    ];

    [Fact]
    public async Task A_hundred_thousand_random_and_mutated_inputs_cause_no_unhandled_exception() // SEC-27
    {
        var corpus = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*.dg", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToArray();
        var random = new Random(20261128);
        var limits = new ScriptLimits { MaxStatements = 500, Timeout = TimeSpan.FromSeconds(2), MaxTextLength = 10_000, MaxCollectionSize = 1_000, MaxOutputBytes = 10_000 };
        var host = TestHost.Create();
        var budget = Stopwatch.StartNew();
        var inputs = 0;
        var runs = 0;

        while (inputs < 100_000 && budget.Elapsed < TimeSpan.FromSeconds(90))
        {
            var source = inputs % 5 == 0 ? RandomTokens(random) : Mutate(corpus[random.Next(corpus.Length)], random);
            inputs++;
            var script = ScriptEngine.Compile(source, limits);
            Assert.All(script.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0));
            if (!script.Success || inputs % 10 != 0)
            {
                continue;
            }

            var result = await ScriptEngine.RunAsync(script, null, host, limits);
            runs++;
            Assert.False(result.Error?.Message.StartsWith("internal error", StringComparison.Ordinal) ?? false, $"{result.Error}\n--- input ---\n{source}");
        }

        Assert.Equal(100_000, inputs);
        Assert.True(runs > 1_000, $"only {runs} inputs compiled and ran");
    }

    private static string RandomTokens(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 60);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(3) == 0 ? " " : string.Empty);
        }

        return builder.ToString();
    }

    private static string Mutate(string source, Random random)
    {
        var builder = new StringBuilder(source);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(random.Next(1, 8), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder[at] = (char)random.Next(32, 127);
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 40), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x3000));
                    break;
            }
        }

        return builder.ToString();
    }
}
