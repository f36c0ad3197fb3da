namespace Portal.Web.Mail;

public static class MailAuditActions
{
    public const string SettingsChanged = "mail.settings_changed";
    public const string TestSent = "mail.test_sent";
}
