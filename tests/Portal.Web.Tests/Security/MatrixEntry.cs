namespace Portal.Web.Tests.Security;

/// <summary>One row of the expectation table: an HTTP method and route pattern exactly as the host maps it.</summary>
/// <param name="Sample">The concrete path requested, route parameters filled with sample values.</param>
/// <param name="Page">True for Razor component pages: denials are redirects to Login / AccessDenied rather than 401 / 403.</param>
/// <param name="Form">True for cookie POST endpoints that need an antiforgery token.</param>
public sealed record MatrixEntry(string Method, string Pattern, MatrixAccess Access, string Sample, bool Page = false, bool Form = false)
{
    public string Key => $"{Method} {Pattern}";

    public bool IsApi => Access is MatrixAccess.Token or MatrixAccess.TokenDeveloper;

    public bool Allows(MatrixCaller caller) => Access switch
    {
        MatrixAccess.Anonymous => true,
        MatrixAccess.Authenticated or MatrixAccess.Member or MatrixAccess.Token => caller != MatrixCaller.Anonymous,
        MatrixAccess.Developer or MatrixAccess.TokenDeveloper => caller is MatrixCaller.Developer or MatrixCaller.Admin,
        MatrixAccess.Admin => caller == MatrixCaller.Admin,
        _ => false,
    };
}
