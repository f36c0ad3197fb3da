namespace Portal.Web.Mail;

/// <summary>Outcome of saving settings or sending a test mail: a message for the admin either way.</summary>
public sealed record MailSetupResult(bool Succeeded, string Message);
