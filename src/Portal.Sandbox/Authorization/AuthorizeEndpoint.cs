using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Portal.Sandbox.Data;
using Portal.Sandbox.Pages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Authorization;

/// <summary>Passthrough authorization endpoint: OpenIddict validates the request, this decides login and consent.</summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        SandboxDbContext db,
        IAntiforgery antiforgery)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is null)
        {
            return SandboxPage.Message(
                "Nothing to authorize here",
                "This page only works as part of an app's \"Connect to Sandbox Cloud\" step.",
                "Start again from the app that sent you here.",
                StatusCodes.Status400BadRequest);
        }

        var user = await CurrentUserAsync(http, db);
        if (user is null)
        {
            return request.HasPromptValue(PromptValues.None)
                ? OpenIddictResults.Error(Errors.LoginRequired, "The user is not signed in to Sandbox Cloud.")
                : Results.Redirect(LoginPage.Path + QueryString.Create("returnUrl", ResumeUrl(request)));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        var clientName = (application is null ? null : await applications.GetLocalizedDisplayNameAsync(application, http.RequestAborted))
            ?? request.ClientId!;
        var scopes = GrantedScopes(request);
        var decision = await DecisionAsync(http);
        if (decision is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Error(Errors.ConsentRequired, "Sandbox Cloud asks the user for consent on every authorization.");
            }

            return ConsentPage.Render(
                antiforgery.GetAndStoreTokens(http),
                RequestParameters(request),
                user,
                clientName,
                new Uri(request.RedirectUri!, UriKind.Absolute),
                scopes,
                LoginPage.Path + QueryString.Create("returnUrl", ResumeUrl(request)));
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return SandboxPage.Message(
                "This consent form has expired",
                "Sandbox Cloud could not verify that this answer came from its own consent page.",
                $"Go back to {clientName} and start connecting again.",
                StatusCodes.Status400BadRequest);
        }

        if (decision != ConsentPage.Allow)
        {
            // No name in the description: a user who said no must not reveal who they are to the app.
            return OpenIddictResults.Error(Errors.AccessDenied, $"The user denied {clientName} access to their Sandbox Cloud account.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetScopes(scopes.Select(scope => scope.Name));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return OpenIddictResults.SignIn(identity);
    }

    /// <summary>Errors that cannot go back to the app (unknown client, wrong redirect URI) are shown as a Sandbox Cloud page.</summary>
    public static async Task RenderLocalErrorAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.GetOpenIddictServerResponse() is not { Error: not null } failure)
        {
            return;
        }

        var page = SandboxPage.Message(
            "This sign-in request can't be completed",
            $"The app sent a request Sandbox Cloud does not accept: {failure.ErrorDescription ?? failure.Error}",
            "Go back to the app and try again. If it keeps happening, its client id or redirect URI in Sandbox Cloud needs fixing.",
            http.Response.StatusCode);
        await page.ExecuteAsync(http);
    }

    private static async Task<SandboxUser?> CurrentUserAsync(HttpContext http, SandboxDbContext db)
    {
        var login = await http.AuthenticateAsync(SandboxLogin.Scheme);
        var userId = login.Principal?.GetClaim(Claims.Subject);
        return userId is null ? null : await db.Users.FindAsync([userId], http.RequestAborted);
    }

    private static async Task<string?> DecisionAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var decision = form[ConsentPage.DecisionField].ToString();
        return string.IsNullOrEmpty(decision) ? null : decision;
    }

    /// <summary>Requested scopes in catalog order; offline_access is always added so clients get a refresh token.</summary>
    private static List<SandboxScopeDescriptor> GrantedScopes(OpenIddictRequest request)
    {
        var requested = request.GetScopes();
        return [.. SandboxCatalog.AllScopes.Where(scope => requested.Contains(scope.Name) || scope == SandboxCatalog.OfflineAccess)];
    }

    /// <summary>The original authorization parameters, without our form fields and without prompt (to avoid loops).</summary>
    private static IEnumerable<KeyValuePair<string, string?>> RequestParameters(OpenIddictRequest request) =>
        request.GetParameters()
            .Where(parameter => parameter.Key is not (Parameters.Prompt or ConsentPage.DecisionField) && !parameter.Key.StartsWith("__", StringComparison.Ordinal))
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value));

    private static string ResumeUrl(OpenIddictRequest request) =>
        SandboxEndpointPaths.Authorize + QueryString.Create(RequestParameters(request));
}
