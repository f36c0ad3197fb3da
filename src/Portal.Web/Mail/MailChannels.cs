namespace Portal.Web.Mail;

/// <summary>Where a mail went, as <see cref="Portal.Scripting.Mail.ScriptMailReceipt.Channel"/> says.</summary>
public static class MailChannels
{
    public const string Smtp = "smtp";
    public const string Outbox = "outbox";
}
