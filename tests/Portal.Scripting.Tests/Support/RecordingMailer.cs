using System.Globalization;
using System.Text;
using Portal.Scripting.Mail;

namespace Portal.Scripting.Tests.Support;

/// <summary>An in-memory mailer for engine tests: keeps every mail; refuses mail to refused@example.com as a real server might.</summary>
internal sealed class RecordingMailer : IScriptMailer
{
    public List<ScriptMail> Sent { get; } = [];

    public ValueTask<ScriptMailReceipt> SendAsync(ScriptMail mail, CancellationToken cancellationToken)
    {
        if (mail.To.Contains("refused@example.com"))
        {
            throw new ScriptHostException("mail server refused recipient refused@example.com: mailbox unavailable");
        }

        Sent.Add(mail);
        return ValueTask.FromResult(new ScriptMailReceipt("test", mail.To, mail.Subject, Encoding.UTF8.GetByteCount(mail.Message)));
    }

    /// <summary>One line per mail, as the "// expect mail:" comments of conformance scripts write it.</summary>
    public static string Describe(ScriptMail mail)
    {
        var line = new StringBuilder($"{mail.From} -> {string.Join(",", mail.To)}");
        if (mail.Cc.Count > 0)
        {
            line.Append(" cc:").Append(string.Join(",", mail.Cc));
        }

        if (mail.Bcc.Count > 0)
        {
            line.Append(" bcc:").Append(string.Join(",", mail.Bcc));
        }

        if (mail.ReplyTo is not null)
        {
            line.Append(" reply-to:").Append(mail.ReplyTo);
        }

        return line.Append(CultureInfo.InvariantCulture, $" [{mail.ContentType}] {mail.Subject}: {mail.Message}").ToString();
    }
}
