using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Identity;

namespace Portal.Web.Mail;

internal sealed class Outbox(IDbContextFactory<PortalDbContext> dbFactory) : IOutbox
{
    /// <summary>The list shows the newest mails; older ones stay stored.</summary>
    public const int ListLimit = 500;

    public async Task<IReadOnlyList<OutboxMailSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = Visible(db, user).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(ListLimit);
        var rows = await (from m in newest
                          join f in db.Functions on m.FunctionId equals f.Id into functions
                          from f in functions.DefaultIfEmpty()
                          select new { m.Id, m.CreatedAt, m.Recipients, m.Subject, m.UserEmail, m.FunctionId, m.FunctionName, m.RunId, m.SizeBytes, ApiName = f == null ? null : f.ApiName })
                         .ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new OutboxMailSummary(m.Id, m.CreatedAt, m.Recipients, m.Subject, m.UserEmail, m.FunctionId, m.FunctionName, m.RunId, m.SizeBytes) { FunctionApiName = m.ApiName })];
    }

    public async Task<OutboxMailView?> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mail = await Visible(db, user).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null)
        {
            return null;
        }

        using var stream = new MemoryStream(mail.Mime);
        var message = await MimeMessage.LoadAsync(stream, ct);
        return new OutboxMailView
        {
            Summary = new OutboxMailSummary(mail.Id, mail.CreatedAt, mail.Recipients, mail.Subject, mail.UserEmail, mail.FunctionId, mail.FunctionName, mail.RunId, mail.SizeBytes),
            From = message.From.ToString(),
            To = [.. message.To.Mailboxes.Select(m => m.ToString())],
            Cc = [.. message.Cc.Mailboxes.Select(m => m.ToString())],
            Bcc = [.. message.Bcc.Mailboxes.Select(m => m.ToString())],
            ReplyTo = [.. message.ReplyTo.Mailboxes.Select(m => m.ToString())],
            Headers = [.. message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value))],
            HtmlBody = message.HtmlBody,
            TextBody = message.HtmlBody is null ? message.TextBody : null,
            Attachments = [.. message.Attachments.OfType<MimePart>().Select(a => new OutboxAttachment(a.FileName ?? "attachment", a.ContentType.MimeType, Length(a)))],
        };
    }

    private static IQueryable<OutboxMailEntity> Visible(PortalDbContext db, ClaimsPrincipal user)
    {
        if (!FunctionPermissions.CanRun(user))
        {
            return db.OutboxMails.Where(_ => false);
        }

        var userId = FunctionPermissions.UserId(user);
        return user.IsInRole(Roles.Admin) ? db.OutboxMails.AsNoTracking() : db.OutboxMails.AsNoTracking().Where(m => m.UserId == userId);
    }

    private static long Length(MimePart part)
    {
        using var decoded = new MemoryStream();
        part.Content?.DecodeTo(decoded);
        return decoded.Length;
    }
}
