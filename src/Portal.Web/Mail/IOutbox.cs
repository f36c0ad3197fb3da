using System.Security.Claims;

namespace Portal.Web.Mail;

/// <summary>Mails functions sent while no SMTP server was configured. Admins read all; others the mails of their own runs.</summary>
public interface IOutbox
{
    Task<IReadOnlyList<OutboxMailSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Null both when the mail does not exist and when it is someone else's, so ids reveal nothing.</summary>
    Task<OutboxMailView?> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default);
}
