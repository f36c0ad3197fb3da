using Microsoft.EntityFrameworkCore;
using Portal.Scripting.Mail;
using Portal.Web.Data;
using Portal.Web.Functions;

namespace Portal.Web.Mail;

/// <summary>
/// The <see cref="IScriptMailer"/> of one run: SMTP when an admin configured it, the Outbox otherwise.
/// <c>from: zoho.adminuserid</c> (the admin's address) is sent as the configured default sender.
/// </summary>
internal sealed class RunMailer(
    SmtpSettingsStore settings,
    SmtpMailSender smtp,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time,
    RunMailContext run) : IScriptMailer
{
    private readonly List<long> outboxIds = [];

    public async ValueTask<ScriptMailReceipt> SendAsync(ScriptMail mail, CancellationToken cancellationToken)
    {
        var credentials = await settings.GetCredentialsAsync(cancellationToken);
        var from = SenderFor(mail.From, credentials.Settings);
        var message = ScriptMailMessage.Build(mail, from, time);
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToList();
        var mime = ScriptMailMessage.ToBytes(message);
        if (credentials.Settings.IsConfigured)
        {
            await smtp.SendAsync(credentials, message, cancellationToken);
            return new ScriptMailReceipt(MailChannels.Smtp, recipients, mail.Subject, mime.LongLength);
        }

        var entity = new OutboxMailEntity
        {
            CreatedAt = time.GetUtcNow(),
            UserId = run.UserId,
            UserEmail = run.UserEmail,
            FunctionId = run.FunctionId,
            Origin = run.Origin,
            From = from,
            Recipients = string.Join(", ", recipients),
            Subject = mail.Subject,
            SizeBytes = mime.LongLength,
            Mime = mime,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            entity.FunctionName = run.FunctionId is { } id ? await db.Functions.Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) : null;
            db.OutboxMails.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
        }

        outboxIds.Add(entity.Id);
        return new ScriptMailReceipt(MailChannels.Outbox, recipients, mail.Subject, mime.LongLength);
    }

    /// <summary>Links this run's Outbox mails to its history row, so the Outbox can say which run sent them.</summary>
    public async Task AttachToRunAsync(long runId, CancellationToken ct)
    {
        if (outboxIds.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.OutboxMails.Where(m => outboxIds.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.RunId, runId), ct);
    }

    private string SenderFor(string requested, SmtpSettings configured)
    {
        var isAdmin = string.IsNullOrWhiteSpace(requested) || string.Equals(requested.Trim(), run.AdminAddress, StringComparison.OrdinalIgnoreCase);
        if (!isAdmin)
        {
            return requested;
        }

        return !string.IsNullOrWhiteSpace(configured.DefaultSender) ? configured.DefaultSender
            : !string.IsNullOrWhiteSpace(run.AdminAddress) ? run.AdminAddress
            : requested;
    }
}
