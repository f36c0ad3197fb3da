using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>Reads the antiforgery token of an Identity form page, for requests timed or sent without the usual helper.</summary>
internal static partial class LoginForm
{
    public static string Token(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
