using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Tests.Security.Identity;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// Issue 19 item 3: the Identity pages (static SSR) are on MudBlazor's design system like the rest of the portal. No page
/// links Bootstrap or uses its classes, every page carries MudBlazor's stylesheet and the theme's palette, the forms keep
/// the field names the server binds (Input.Email...), and what a user triggers still says so clearly.
/// </summary>
public sealed partial class AccountPagesDesignTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string Bob = "bob@portal.local";
    private const string Alice = "alice@portal.local";
    private const string DemoPassword = "Portal-demo-2026";

    public static TheoryData<string> SignInPages() =>
        new(["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation",
            "/Account/ResendEmailConfirmation", "/Account/Lockout", "/Account/AccessDenied", "/Account/InvalidPasswordReset",
            "/Account/ResetPasswordConfirmation"]);

    public static TheoryData<string> ManagePages() =>
        new(["/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication",
            "/Account/Manage/EnableAuthenticator", "/Account/Manage/Passkeys", "/Account/Manage/PersonalData",
            "/Account/Manage/DeletePersonalData", "/Account/Manage/ResetAuthenticator"]);

    [Theory]
    [MemberData(nameof(SignInPages))]
    public async Task A_sign_in_page_is_drawn_with_MudBlazor_only_and_follows_the_browser_colour_scheme(string path)
    {
        using var client = LoginClient.CreateClient(factory);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        AssertMudBlazorOnly(html);
        // Light palette from MudThemeProvider, the dark one for a browser that prefers it.
        Assert.Contains("--mud-palette-background: rgba(246,248,251,1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("prefers-color-scheme: dark", html, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background: rgba(15,20,26,1)", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ManagePages))]
    public async Task A_manage_page_is_drawn_with_MudBlazor_only(string path)
    {
        using var client = await SignedInAsync(Bob);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        AssertMudBlazorOnly(html);
        Assert.Contains("mud-navmenu", html, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manage_pages_take_the_users_dark_theme_choice()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Email == Alice).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, true));
        }

        try
        {
            using var client = await SignedInAsync(Alice);
            var html = await client.GetStringAsync("/Account/Manage/ChangePassword");
            Assert.Contains("--mud-palette-background: rgba(15,20,26,1)", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Users.Where(u => u.Email == Alice).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, false));
        }
    }

    [Fact]
    public async Task The_login_form_keeps_its_field_names_and_ids()
    {
        using var client = LoginClient.CreateClient(factory);
        var html = await client.GetStringAsync("/Account/Login");

        foreach (var field in new[] { "Input.Email", "Input.Password" })
        {
            Assert.Matches($"""<input[^>]*\bname="{Regex.Escape(field)}"[^>]*>""", html);
            Assert.Matches($"""<input[^>]*\bid="{Regex.Escape(field)}"[^>]*>""", html);
            Assert.Contains($"""<label for="{field}" class="portal-field-label">""", html, StringComparison.Ordinal);
        }

        Assert.Matches("""<input[^>]*type="checkbox"[^>]*name="Input.RememberMe"|<input[^>]*name="Input.RememberMe"[^>]*type="checkbox" """.TrimEnd(), html);
        // The password sign-in is the first submit button (browser tests click the first one).
        var firstSubmit = SubmitButton().Match(html);
        Assert.True(firstSubmit.Success);
        Assert.Contains("Log in", firstSubmit.Value, StringComparison.Ordinal);
        Assert.Contains("mud-button-filled-primary", firstSubmit.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_login_says_which_fields_are_missing_beside_them()
    {
        using var client = LoginClient.CreateClient(factory);
        using var response = await LoginForm.PostAsync(client, "", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("portal-field portal-field-invalid", html, StringComparison.Ordinal);
        Assert.Contains("""<div class="portal-field-message">The Email field is required.</div>""", html, StringComparison.Ordinal);
        Assert.Contains("""<div class="portal-field-message">The Password field is required.</div>""", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_said_in_an_error_alert()
    {
        using var client = LoginClient.CreateClient(factory);
        using var response = await LoginForm.PostAsync(client, "nobody@portal.local", "wrong-password");
        var html = await response.Content.ReadAsStringAsync();

        var alert = ErrorAlert().Match(html);
        Assert.True(alert.Success, "no MudAlert of severity error on the page");
        Assert.Contains("do not match an active account", html[alert.Index..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstraps_vendored_copy_is_no_longer_served()
    {
        using var client = LoginClient.CreateClient(factory);
        using var response = await client.GetAsync("/lib/bootstrap/dist/css/bootstrap.min.css");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertMudBlazorOnly(string html)
    {
        Assert.DoesNotContain("bootstrap", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", html, StringComparison.Ordinal);
        var bootstrapClasses = BootstrapClass().Matches(html).Select(m => m.Value).Distinct().ToArray();
        Assert.True(bootstrapClasses.Length == 0, "Bootstrap classes left: " + string.Join(", ", bootstrapClasses));
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = LoginClient.CreateClient(factory);
        var login = await LoginClient.PostLoginAsync(client, email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [GeneratedRegex("""class="(?:[^"]*\s)?(?:btn|btn-[a-z-]+|form-control|form-floating|form-label|form-check-input|col-(?:sm|md|lg|xl)-\d+|row|alert|alert-[a-z]+|text-danger|nav-pills|nav-link|input-group)(?=[\s"])""")]
    private static partial Regex BootstrapClass();

    [GeneratedRegex("""<button(?=[^>]*type="submit")[^>]*>.*?</button>""", RegexOptions.Singleline)]
    private static partial Regex SubmitButton();

    [GeneratedRegex("""<div(?=[^>]*role="alert")(?=[^>]*mud-alert-text-error)[^>]*>""")]
    private static partial Regex ErrorAlert();
}
