using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Portal.Scripting;

namespace Portal.Web.Mail;

/// <summary>Sends one message through the configured SMTP server with MailKit; every failure becomes a message that says what to do.</summary>
internal sealed class SmtpMailSender
{
    /// <summary>Connect, authenticate and send are bounded so a silent server cannot hold a run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // An instance method although it reads no state: the sender is a service the mailers are handed (DI, tests).
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Injected service; callers hold an instance.")]
    public async Task SendAsync(SmtpCredentials credentials, MimeMessage message, CancellationToken ct)
    {
        var settings = credentials.Settings;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Options(settings.Tls), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, credentials.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException refused)
        {
            throw new ScriptHostException(Refusal(refused));
        }
        catch (AuthenticationException)
        {
            throw new ScriptHostException($"The mail server {settings.Host}:{settings.Port} refused the user name or password. An admin can correct them under Setup › Mail.");
        }
        catch (Exception unreachable) when (unreachable is SocketException or SslHandshakeException or SmtpProtocolException or IOException or TimeoutException or NotSupportedException)
        {
            throw new ScriptHostException($"The mail server {settings.Host}:{settings.Port} could not be reached ({unreachable.Message.TrimEnd('.')}). An admin can check host, port and TLS under Setup › Mail, then try again.");
        }
    }

    private static SecureSocketOptions Options(SmtpTlsMode tls) => tls switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static string Refusal(SmtpCommandException refused) => refused.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted =>
            $"The mail server refused the recipient '{refused.Mailbox?.Address}' ({(int)refused.StatusCode} {refused.Message.Trim()}). Check the address and send again.",
        SmtpErrorCode.SenderNotAccepted =>
            $"The mail server refused the sender '{refused.Mailbox?.Address}' ({(int)refused.StatusCode} {refused.Message.Trim()}). Send from zoho.adminuserid, or ask an admin to set a sender the server accepts under Setup › Mail.",
        _ => $"The mail server refused the message ({(int)refused.StatusCode} {refused.Message.Trim()}). Check its size and addresses, or ask an admin to check Setup › Mail.",
    };
}
