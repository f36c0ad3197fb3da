using MimeKit;
using Portal.Scripting;
using Portal.Scripting.Mail;

namespace Portal.Web.Mail;

/// <summary>Turns a sendmail task into a MIME message; an address that is not one is the script's error.</summary>
internal static class ScriptMailMessage
{
    public static MimeMessage Build(ScriptMail mail, string from, TimeProvider time)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = time.GetUtcNow() };
        message.From.Add(Parse(from, "from"));
        message.To.AddRange(mail.To.Select(a => Parse(a, "to")));
        message.Cc.AddRange(mail.Cc.Select(a => Parse(a, "cc")));
        message.Bcc.AddRange(mail.Bcc.Select(a => Parse(a, "bcc")));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
        {
            message.ReplyTo.Add(Parse(mail.ReplyTo, "reply to"));
        }

        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            throw new ScriptHostException("sendmail has no recipient: give at least one address in to:, cc: or bcc:.");
        }

        var body = new BodyBuilder();
        if (string.Equals(mail.ContentType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            body.TextBody = mail.Message;
        }
        else
        {
            body.HtmlBody = mail.Message;
        }

        foreach (var attachment in mail.Attachments)
        {
            // Base64 keeps a file's bytes exactly (text parts would have their line ends rewritten).
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.TryParse(attachment.ContentType, out var type) ? type : new ContentType("application", "octet-stream"));
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }

    private static MailboxAddress Parse(string address, string field)
    {
        var trimmed = address.Trim();
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal)
            || mailbox.Address.StartsWith('@') || mailbox.Address.EndsWith('@'))
        {
            throw new ScriptHostException($"sendmail {field}: '{address}' is not an email address. Give an address like name@example.com.");
        }

        return mailbox;
    }
}
