using System.Text.RegularExpressions;

namespace Portal.Scripting.Tests.Support;

/// <summary>The // expect comments of a conformance script.</summary>
internal sealed partial record ScriptExpectations(IReadOnlyList<string> Info, string? Return, IReadOnlyList<(int Line, string Text)> Errors, IReadOnlyDictionary<string, string> Arguments, IReadOnlyList<(int Line, string Text)> Warnings, IReadOnlyList<string> Mails)
{
    public static ScriptExpectations Read(string source)
    {
        var info = new List<string>();
        string? returned = null;
        var errors = new List<(int, string)>();
        var warnings = new List<(int, string)>();
        var mails = new List<string>();
        var arguments = new Dictionary<string, string>();
        foreach (var rawLine in source.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var at = line.IndexOf("// expect", StringComparison.Ordinal);
            var argAt = line.IndexOf("// arg: ", StringComparison.Ordinal);
            if (argAt >= 0)
            {
                var pair = line[(argAt + 8)..];
                var eq = pair.IndexOf('=');
                arguments[pair[..eq].Trim()] = pair[(eq + 1)..];
                continue;
            }

            if (at < 0)
            {
                continue;
            }

            var rest = line[(at + "// expect".Length)..];
            if (rest.StartsWith(": ", StringComparison.Ordinal) || rest == ":")
            {
                info.Add(rest.Length > 2 ? rest[2..] : string.Empty);
            }
            else if (rest.StartsWith(" mail: ", StringComparison.Ordinal))
            {
                mails.Add(rest[" mail: ".Length..]);
            }
            else if (rest.StartsWith(" return: ", StringComparison.Ordinal))
            {
                returned = rest[" return: ".Length..];
            }
            else if (ErrorPattern().Match(rest) is { Success: true } match)
            {
                var expected = (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[3].Value);
                (match.Groups[1].Value == "warning" ? warnings : errors).Add(expected);
            }
            else
            {
                throw new InvalidOperationException($"unreadable expectation: {line}");
            }
        }

        return new ScriptExpectations(info, returned, errors, arguments, warnings, mails);
    }

    [GeneratedRegex(@"^ (error|warning) \[line (\d+)\]: (.*)$")]
    private static partial Regex ErrorPattern();
}
