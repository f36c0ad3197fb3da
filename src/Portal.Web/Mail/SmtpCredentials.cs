namespace Portal.Web.Mail;

/// <summary>Settings plus the decrypted password, only ever held by the sender while it connects.</summary>
internal sealed record SmtpCredentials(SmtpSettings Settings, string? Password);
