namespace Portal.Web.Mail;

/// <summary>The SMTP configuration as pages see it: the password is never part of it, only whether one is stored.</summary>
public sealed record SmtpSettings
{
    public static SmtpSettings Empty { get; } = new();

    /// <summary>Empty → no SMTP server: mails land in the portal's Outbox.</summary>
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.StartTls;

    public string UserName { get; init; } = "";

    public bool HasPassword { get; init; }

    /// <summary>The address <c>from: zoho.adminuserid</c> sends as; empty → the first admin's address.</summary>
    public string DefaultSender { get; init; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
