using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>The Identity login form driven over HTTP: the page is read first for its antiforgery token, then the form is posted.</summary>
internal static partial class LoginForm
{
    public static string Token(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    /// <summary>Reads the form page, then posts it; <paramref name="posted"/> (when given) hears just before the post goes out.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string path = "/Account/Login", Action? posted = null)
    {
        var page = await client.GetStringAsync(path);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        posted?.Invoke();
        return await client.PostAsync(path, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
