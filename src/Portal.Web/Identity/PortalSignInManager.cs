using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Identity;

/// <summary>
/// Password sign-in that answers an unknown email exactly like a wrong password: the same hash work (so the same time)
/// and the same lockout page at the fifth failure (SEC-38, no user enumeration).
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    UnknownAccountAttempts unknownAccounts)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        var normalized = UserManager.NormalizeName(userName) ?? "";
        if (unknownAccounts.IsLockedOut(normalized))
        {
            return SignInResult.LockedOut;
        }

        // The same PBKDF2 work a real account's check costs; the answer is always "no".
        var hasher = UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(UnknownAccountAttempts.Nobody, unknownAccounts.NobodyHash(hasher), password);
        return lockoutOnFailure && unknownAccounts.RecordFailure(normalized) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
