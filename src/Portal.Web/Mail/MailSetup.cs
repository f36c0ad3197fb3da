using System.Security.Claims;
using MimeKit;
using Portal.Scripting;
using Portal.Web.Audit;
using Portal.Web.Identity;

namespace Portal.Web.Mail;

internal sealed class MailSetup(SmtpSettingsStore store, SmtpMailSender smtp, AuditLog audit, TimeProvider time) : IMailSetup
{
    public async Task<SmtpSettings> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        return await store.GetAsync(ct);
    }

    public async Task<MailSetupResult> SaveAsync(SmtpSettingsInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        if (Validate(input) is { } problem)
        {
            return new MailSetupResult(false, problem);
        }

        await store.SaveAsync(input, ct);
        var what = string.IsNullOrWhiteSpace(input.Host) ? "SMTP off: mails go to the Outbox" : $"SMTP {input.Host.Trim()}:{input.Port} ({input.Tls})";
        var password = input.ClearPassword ? ", password removed" : string.IsNullOrEmpty(input.NewPassword) ? "" : ", password changed";
        await audit.RecordAsync(AuditActor.From(user), MailAuditActions.SettingsChanged, "mail", "smtp", what + password, ct);
        return new MailSetupResult(true, string.IsNullOrWhiteSpace(input.Host)
            ? "Saved. No SMTP server is set, so functions' mails land in the Outbox."
            : $"Saved. Functions now send mail through {input.Host.Trim()}:{input.Port}. Send a test mail to check it.");
    }

    public async Task<MailSetupResult> SendTestAsync(string to, ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        var credentials = await store.GetCredentialsAsync(ct);
        if (!credentials.Settings.IsConfigured)
        {
            return new MailSetupResult(false, "No SMTP server is saved yet. Enter a host and save, then send the test mail.");
        }

        if (!MailboxAddress.TryParse(to?.Trim() ?? "", out var recipient) || !recipient.Address.Contains('@', StringComparison.Ordinal))
        {
            return new MailSetupResult(false, $"'{to}' is not an email address. Enter the address the test mail should go to.");
        }

        var sender = !string.IsNullOrWhiteSpace(credentials.Settings.DefaultSender) ? credentials.Settings.DefaultSender : user.Identity?.Name ?? "";
        if (!MailboxAddress.TryParse(sender, out var from))
        {
            return new MailSetupResult(false, "Set a default sender address first: the test mail is sent from it.");
        }

        var message = new MimeMessage { Subject = "Portal test mail", Date = time.GetUtcNow() };
        message.From.Add(from);
        message.To.Add(recipient);
        message.Body = new TextPart("plain") { Text = $"This test mail was sent by {user.Identity?.Name} from the portal's Setup › Mail page. SMTP works." };
        try
        {
            await smtp.SendAsync(credentials, message, ct);
        }
        catch (ScriptHostException failed)
        {
            return new MailSetupResult(false, $"The test mail was not sent. {failed.Message}");
        }

        await audit.RecordAsync(AuditActor.From(user), MailAuditActions.TestSent, "mail", "smtp", $"test mail to {recipient.Address}", ct);
        return new MailSetupResult(true, $"The test mail to {recipient.Address} was accepted by {credentials.Settings.Host}. Check that inbox.");
    }

    private static string? Validate(SmtpSettingsInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Host))
        {
            return null;
        }

        if (input.Host.Trim().Contains(' ', StringComparison.Ordinal) || Uri.CheckHostName(input.Host.Trim()) == UriHostNameType.Unknown)
        {
            return $"'{input.Host}' is not a host name. Enter the SMTP server's name or IP address, e.g. smtp.example.com.";
        }

        if (input.Port is < 1 or > 65535)
        {
            return $"Port {input.Port} is out of range. Use 587 for STARTTLS, 465 for SSL or 25 for plain SMTP.";
        }

        if (!string.IsNullOrWhiteSpace(input.DefaultSender) && (!MailboxAddress.TryParse(input.DefaultSender.Trim(), out var sender) || !sender.Address.Contains('@', StringComparison.Ordinal)))
        {
            return $"'{input.DefaultSender}' is not an email address. Enter the address mails are sent from, e.g. crm@example.com.";
        }

        return null;
    }

    private static void Demand(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new UnauthorizedAccessException("Only admins configure mail. Ask an admin to change the SMTP settings.");
        }
    }
}
