using Portal.Web.Mail;

namespace Portal.Web.Hosting;

internal static class MailExtensions
{
    /// <summary>sendmail: SMTP settings under Setup › Mail, the Outbox when none are set, and each run's mailer.</summary>
    public static WebApplicationBuilder AddPortalMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SmtpSettingsStore>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<RunMailerFactory>();
        services.AddScoped<IMailSetup, MailSetup>();
        services.AddScoped<IOutbox, Outbox>();
        return builder;
    }
}
