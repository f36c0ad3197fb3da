using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Sandbox.Data;
using Portal.Sandbox.Pages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Authorization;

/// <summary>Sign-in form for the demo accounts.</summary>
internal static class AccountEndpoints
{
    public static async Task<IResult> ShowLoginAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        IOpenIddictApplicationManager applications,
        string? returnUrl) =>
        LoginPage.Render(
            antiforgery.GetAndStoreTokens(http),
            SafeReturnUrl(returnUrl),
            await ClientNameAsync(applications, returnUrl, http.RequestAborted),
            email: null,
            error: null);

    public static async Task<IResult> SubmitLoginAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        IOpenIddictApplicationManager applications,
        SandboxDbContext db,
        IPasswordHasher<SandboxUser> passwordHasher)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var email = form["email"].ToString().Trim();
        var clientName = await ClientNameAsync(applications, returnUrl, http.RequestAborted);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return LoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, clientName, email,
                "This sign-in form expired. Enter your email and password again.");
        }

        var normalized = email.ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == normalized, http.RequestAborted);
        var verified = user is not null
            && passwordHasher.VerifyHashedPassword(user, user.PasswordHash, form["password"].ToString()) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            return LoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, clientName, email,
                "That email and password don't match a Sandbox Cloud account. Use one of the demo accounts below and try again.");
        }

        var identity = new ClaimsIdentity(SandboxLogin.Scheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user!.Id).SetClaim(Claims.Name, user.DisplayName).SetClaim(Claims.Email, user.Email);
        await http.SignInAsync(SandboxLogin.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private static string SafeReturnUrl(string? returnUrl) => SandboxLogin.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    private static async Task<string?> ClientNameAsync(IOpenIddictApplicationManager applications, string? returnUrl, CancellationToken ct)
    {
        if (!SandboxLogin.IsLocalUrl(returnUrl))
        {
            return null;
        }

        var query = returnUrl!.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? returnUrl[at..] : "";
        var clientId = QueryHelpers.ParseQuery(query).GetValueOrDefault(Parameters.ClientId).ToString();
        var application = string.IsNullOrEmpty(clientId) ? null : await applications.FindByClientIdAsync(clientId, ct);
        return application is null ? null : await applications.GetLocalizedDisplayNameAsync(application, ct) ?? clientId;
    }
}
