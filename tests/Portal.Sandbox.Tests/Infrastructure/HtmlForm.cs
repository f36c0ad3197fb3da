using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>A form found in a sandbox page: its action and the values a browser would submit (hidden fields included).</summary>
public sealed partial record HtmlForm(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public static HtmlForm Single(string html)
    {
        var form = FormPattern().Match(html);
        Assert.True(form.Success, "The page has no form: " + html);
        var fields = InputPattern().Matches(form.Groups["body"].Value)
            .ToDictionary(input => WebUtility.HtmlDecode(input.Groups["name"].Value), input => WebUtility.HtmlDecode(input.Groups["value"].Value));
        return new HtmlForm(WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
    }

    public FormUrlEncodedContent With(params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, string>(Fields);
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex InputPattern();
}
