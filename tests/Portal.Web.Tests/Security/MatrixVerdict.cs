using System.Net;

namespace Portal.Web.Tests.Security;

/// <summary>Judges one HTTP answer against the table; null means the answer is what the table expects.</summary>
public static class MatrixVerdict
{
    public static string? Check(MatrixEntry entry, MatrixCaller caller, HttpStatusCode status, Uri? location)
    {
        var code = (int)status;
        var target = location?.OriginalString ?? "";
        // The cookie handler's challenge and forbid redirects always carry ReturnUrl; a page's own redirect to Login does not.
        var toLogin = code is 302 && target.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal);
        var toDenied = code is 302 && target.Contains("/Account/AccessDenied?ReturnUrl=", StringComparison.Ordinal);
        var outcome = $"{entry.Key} as {caller}: got {code}{(target.Length > 0 ? " → " + target : "")}";

        if (entry.Allows(caller))
        {
            // Allowed: the route's own answer (200, its normal redirect, or a 4xx about the sample input), never an auth denial or a crash.
            var denied = toLogin || toDenied || code is 401 or 403;
            var ok = entry.Page ? code == 200 || (code is 301 or 302 && !denied) : !denied && code < 500;
            return ok ? null : $"{outcome}, expected access ({entry.Access}).";
        }

        if (caller == MatrixCaller.Anonymous)
        {
            var ok = entry.Page ? toLogin : entry.IsApi ? code == 401 : toLogin || code == 401;
            return ok ? null : $"{outcome}, expected a sign-in challenge ({entry.Access}).";
        }

        var forbidden = entry.Page ? toDenied : entry.IsApi ? code == 403 : toDenied || code == 403;
        return forbidden ? null : $"{outcome}, expected access denied ({entry.Access}).";
    }
}
