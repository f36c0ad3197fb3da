using System.Security.Claims;

namespace Portal.Web.Mail;

/// <summary>Setup › Mail: only admins read or change the SMTP settings; the password never leaves the server.</summary>
public interface IMailSetup
{
    Task<SmtpSettings> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);

    Task<MailSetupResult> SaveAsync(SmtpSettingsInput input, ClaimsPrincipal user, CancellationToken ct = default);

    Task<MailSetupResult> SendTestAsync(string to, ClaimsPrincipal user, CancellationToken ct = default);
}
