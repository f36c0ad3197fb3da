using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Mail;

/// <summary>Creates the mailer of one run.</summary>
internal sealed class RunMailerFactory(SmtpSettingsStore settings, SmtpMailSender smtp, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public RunMailer Create(RunMailContext run) => new(settings, smtp, dbFactory, time, run);
}
