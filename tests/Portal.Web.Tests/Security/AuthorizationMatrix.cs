namespace Portal.Web.Tests.Security;

/// <summary>
/// The hand-written expectation table of SEC-30: every endpoint the portal maps and who may reach it.
/// </summary>
/// <remarks>
/// Design: this table is data typed in by a person, deliberately NOT read from the endpoints' authorization
/// metadata. If a policy is removed from a page (or an [Authorize] weakened), the host starts answering 200
/// where this table still says "redirect to AccessDenied", so the matrix fails. If a new endpoint is mapped,
/// it is missing from this table and <see cref="AuthorizationMatrixTests"/> fails until someone decides, here,
/// who may reach it. Method sets are written as the host reports them ("*" = any method).
/// </remarks>
public static class AuthorizationMatrix
{
    public const string AlicesLink = "alice_private";
    public const string AlicesFunction = "alice_ledger";
    public const string MissingLink = "matrix_no_such_link";

    private const string PageMethods = "GET,POST";

    public static IReadOnlyList<MatrixEntry> Entries { get; } =
    [
        // Portal pages: portal.member / portal.developer / portal.admin.
        Page("/", MatrixAccess.Member),
        Page("/functions", MatrixAccess.Member),
        Page("/functions/{ApiName}", MatrixAccess.Member, $"/functions/{AlicesFunction}"),
        Page("/connections", MatrixAccess.Member),
        Page("/connections/{LinkName}", MatrixAccess.Member, $"/connections/{AlicesLink}"),
        Page("/connections/new", MatrixAccess.Developer),
        Page("/connections/{LinkName}/connect", MatrixAccess.Developer, $"/connections/{AlicesLink}/connect"),
        Page("/connections/services/new", MatrixAccess.Developer),
        Page("/connections/services/{ServiceId}/edit", MatrixAccess.Developer, "/connections/services/github/edit"),
        Page("/settings/tokens", MatrixAccess.Member),
        Page("/outbox", MatrixAccess.Member),
        Page("/outbox/{Id:long}", MatrixAccess.Member, "/outbox/1"),
        Page("/admin/users", MatrixAccess.Admin),
        Page("/admin/services", MatrixAccess.Admin),
        Page("/admin/integrations", MatrixAccess.Admin),
        Page("/admin/mail", MatrixAccess.Admin),
        Page("/admin/variables", MatrixAccess.Admin),
        Page("/admin/audit", MatrixAccess.Admin),
        Page("/Error", MatrixAccess.Anonymous),
        Page("/not-found", MatrixAccess.Anonymous),

        // Identity pages reachable before signing in.
        Page("/Account/Login", MatrixAccess.Anonymous),
        Page("/Account/AccessDenied", MatrixAccess.Anonymous),
        Page("/Account/ConfirmEmail", MatrixAccess.Anonymous),
        Page("/Account/ConfirmEmailChange", MatrixAccess.Anonymous),
        Page("/Account/ExternalLogin", MatrixAccess.Anonymous),
        Page("/Account/ForgotPassword", MatrixAccess.Anonymous),
        Page("/Account/ForgotPasswordConfirmation", MatrixAccess.Anonymous),
        Page("/Account/InvalidPasswordReset", MatrixAccess.Anonymous),
        Page("/Account/InvalidUser", MatrixAccess.Anonymous),
        Page("/Account/Lockout", MatrixAccess.Anonymous),
        Page("/Account/LoginWith2fa", MatrixAccess.Anonymous),
        Page("/Account/LoginWithRecoveryCode", MatrixAccess.Anonymous),
        Page("/Account/Register", MatrixAccess.Anonymous),
        Page("/Account/RegisterConfirmation", MatrixAccess.Anonymous),
        Page("/Account/ResendEmailConfirmation", MatrixAccess.Anonymous),
        Page("/Account/ResetPassword", MatrixAccess.Anonymous),
        Page("/Account/ResetPasswordConfirmation", MatrixAccess.Anonymous),

        // Identity account management: any signed-in account, whatever its role.
        Page("/Account/Manage", MatrixAccess.Authenticated),
        Page("/Account/Manage/ChangePassword", MatrixAccess.Authenticated),
        Page("/Account/Manage/DeletePersonalData", MatrixAccess.Authenticated),
        Page("/Account/Manage/Disable2fa", MatrixAccess.Authenticated),
        Page("/Account/Manage/Email", MatrixAccess.Authenticated),
        Page("/Account/Manage/EnableAuthenticator", MatrixAccess.Authenticated),
        Page("/Account/Manage/ExternalLogins", MatrixAccess.Authenticated),
        Page("/Account/Manage/GenerateRecoveryCodes", MatrixAccess.Authenticated),
        Page("/Account/Manage/Passkeys", MatrixAccess.Authenticated),
        Page("/Account/Manage/PersonalData", MatrixAccess.Authenticated),
        Page("/Account/Manage/RenamePasskey/{Id}", MatrixAccess.Authenticated, "/Account/Manage/RenamePasskey/x"),
        Page("/Account/Manage/ResetAuthenticator", MatrixAccess.Authenticated),
        Page("/Account/Manage/SetPassword", MatrixAccess.Authenticated),
        Page("/Account/Manage/TwoFactorAuthentication", MatrixAccess.Authenticated),

        // Identity form endpoints (posted with an antiforgery token; no external providers are configured).
        Form("/Account/PerformExternalLogin", MatrixAccess.Anonymous),
        Form("/Account/Logout", MatrixAccess.Authenticated),
        Form("/Account/PasskeyCreationOptions", MatrixAccess.Authenticated),
        Form("/Account/PasskeyRequestOptions", MatrixAccess.Anonymous),
        Form("/Account/Manage/LinkExternalLogin", MatrixAccess.Authenticated),
        Form("/Account/Manage/DownloadPersonalData", MatrixAccess.Authenticated),

        // Browser endpoints outside the component router.
        new("GET", "/connections/oauth/start", MatrixAccess.Authenticated, "/connections/oauth/start"),
        new("GET", "/connections/oauth/callback", MatrixAccess.Anonymous, "/connections/oauth/callback"),
        new("GET", "/connections/logos/{file}", MatrixAccess.Anonymous, "/connections/logos/github.svg"),
        new("GET", "/admin/audit/export.csv", MatrixAccess.Admin, "/admin/audit/export.csv"),
        new("*", "/healthz", MatrixAccess.Anonymous, "/healthz"),
        // Unfingerprinted file fallback: anonymous visitors are challenged rather than told which files exist.
        new("GET,HEAD", "{**path:file}", MatrixAccess.Authenticated, "/matrix-no-such-file.txt"),

        // Blazor Server plumbing: the circuit hub is for signed-in users only (fallback policy).
        new("*", "/_blazor/negotiate", MatrixAccess.Authenticated, "/_blazor/negotiate?negotiateVersion=1"),
        new("*", "/_blazor", MatrixAccess.Authenticated, "/_blazor"),
        new("*", "/_blazor/disconnect/", MatrixAccess.Authenticated, "/_blazor/disconnect/"),
        new("*", "/_blazor/initializers/", MatrixAccess.Authenticated, "/_blazor/initializers/"),
        new("GET", "/_framework/opaque-redirect", MatrixAccess.Authenticated, "/_framework/opaque-redirect"),

        // REST API: personal access tokens only; no token must be a plain 401 for every method.
        new("GET", "/api/v1/services", MatrixAccess.Token, "/api/v1/services"),
        new("POST", "/api/v1/services", MatrixAccess.TokenDeveloper, "/api/v1/services"),
        new("GET", "/api/v1/connections", MatrixAccess.Token, "/api/v1/connections"),
        new("POST", "/api/v1/connections", MatrixAccess.TokenDeveloper, "/api/v1/connections"),
        new("GET", "/api/v1/connections/{link}", MatrixAccess.Token, $"/api/v1/connections/{MissingLink}"),
        new("DELETE", "/api/v1/connections/{link}", MatrixAccess.Token, $"/api/v1/connections/{MissingLink}"),
        new("POST", "/api/v1/connections/{link}/authorize", MatrixAccess.Token, $"/api/v1/connections/{MissingLink}/authorize"),
        new("POST", "/api/v1/connections/{link}/revoke", MatrixAccess.Token, $"/api/v1/connections/{MissingLink}/revoke"),
        new("GET", "/api/v1/functions/", MatrixAccess.Token, "/api/v1/functions/"),
        new("POST", "/api/v1/functions/", MatrixAccess.TokenDeveloper, "/api/v1/functions/"),
        new("GET", "/api/v1/functions/{apiName}", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn"),
        new("PUT", "/api/v1/functions/{apiName}", MatrixAccess.TokenDeveloper, "/api/v1/functions/matrix_missing_fn"),
        new("DELETE", "/api/v1/functions/{apiName}", MatrixAccess.TokenDeveloper, "/api/v1/functions/matrix_missing_fn"),
        new("GET", "/api/v1/functions/{apiName}/runs", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/runs"),
        // Schedules: any token reaches them; only the function's owner and admins may change them (SEC-36, in the service).
        new("GET", "/api/v1/functions/{apiName}/schedules", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/schedules"),
        new("POST", "/api/v1/functions/{apiName}/schedules", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/schedules"),
        new("GET", "/api/v1/functions/{apiName}/schedules/{id}", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/schedules/matrix_missing_schedule"),
        new("PUT", "/api/v1/functions/{apiName}/schedules/{id}", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/schedules/matrix_missing_schedule"),
        new("DELETE", "/api/v1/functions/{apiName}/schedules/{id}", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/schedules/matrix_missing_schedule"),
        new("GET,POST", "/api/v1/functions/{apiName}/actions/execute", MatrixAccess.Token, "/api/v1/functions/matrix_missing_fn/actions/execute"),
    ];

    /// <summary>Every (row, caller) pair, for the theory.</summary>
    public static TheoryData<string, MatrixCaller> Cells()
    {
        var data = new TheoryData<string, MatrixCaller>();
        foreach (var entry in Entries)
        {
            foreach (var caller in Enum.GetValues<MatrixCaller>())
            {
                data.Add(entry.Key, caller);
            }
        }

        return data;
    }

    public static MatrixEntry Find(string key) => Entries.Single(e => e.Key == key);

    private static MatrixEntry Page(string pattern, MatrixAccess access, string? sample = null) =>
        new(PageMethods, pattern, access, sample ?? pattern, Page: true);

    private static MatrixEntry Form(string pattern, MatrixAccess access) =>
        new("POST", pattern, access, pattern, Form: true);
}
