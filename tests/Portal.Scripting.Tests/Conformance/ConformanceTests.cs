using Portal.Scripting.Tests.Support;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Conformance;

public sealed class ConformanceTests
{
    public static TheoryData<string> Scripts() => ConformanceScripts.All();

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_behaves_as_its_expect_comments_say(string relativePath)
    {
        var (source, expected, arguments) = await ConformanceScripts.ReadAsync(relativePath);

        var script = ScriptEngine.Compile(source);
        var mailer = new RecordingMailer();
        var result = script.Success ? await ScriptEngine.RunAsync(script, arguments, TestHost.Create(mailer: mailer)) : null;

        var actualWarnings = script.Warnings.Select(d => (d.Line, d.Message)).ToList();
        Assert.True(expected.Warnings.Count == actualWarnings.Count, $"expected {expected.Warnings.Count} warning(s) but got: {string.Join(" | ", actualWarnings)}");
        for (var i = 0; i < expected.Warnings.Count; i++)
        {
            Assert.Equal(expected.Warnings[i].Line, actualWarnings[i].Item1);
            Assert.Contains(expected.Warnings[i].Text, actualWarnings[i].Item2, StringComparison.Ordinal);
        }

        var actualErrors = script.Success
            ? result!.Error is { } error ? [(error.Line, error.Message)] : new List<(int, string)>()
            : script.Errors.Select(d => (d.Line, d.Message)).ToList();
        Assert.True(expected.Errors.Count == actualErrors.Count, $"expected {expected.Errors.Count} error(s) but got: {string.Join(" | ", actualErrors)}");
        for (var i = 0; i < expected.Errors.Count; i++)
        {
            Assert.Equal(expected.Errors[i].Line, actualErrors[i].Item1);
            Assert.Contains(expected.Errors[i].Text, actualErrors[i].Item2, StringComparison.Ordinal);
        }

        if (result is not null)
        {
            Assert.Equal(expected.Info, result.Info);
            Assert.Equal(expected.Mails, mailer.Sent.Select(RecordingMailer.Describe));
            Assert.Equal(mailer.Sent.Count, result.Mails.Count);
            if (expected.Return is not null)
            {
                Assert.Equal(expected.Return, result.ReturnValue?.ToResultString() ?? "(none)");
            }
        }
    }
}
