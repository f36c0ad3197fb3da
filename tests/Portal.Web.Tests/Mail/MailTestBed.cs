using Microsoft.AspNetCore.DataProtection;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Mail;
using Portal.Web.Tests.Functions;

namespace Portal.Web.Tests.Mail;

/// <summary>The portal's real mail parts over an in-memory SQLite database: settings store, SMTP sender, run mailers.</summary>
public sealed class MailTestBed : IDisposable
{
    public const string AdminAddress = "admin@test.local";

    public MailTestBed()
    {
        Store = new SmtpSettingsStore(Database.Factory, Protection);
        Mailers = new RunMailerFactory(Store, new SmtpMailSender(), Database.Factory, Database.Time);
        Setup = new MailSetup(Store, new SmtpMailSender(), Database.Audit, Database.Time);
        Outbox = new Outbox(Database.Factory);
    }

    public FunctionTestDatabase Database { get; } = new();

    public IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();

    internal SmtpSettingsStore Store { get; }

    internal RunMailerFactory Mailers { get; }

    internal MailSetup Setup { get; }

    internal Outbox Outbox { get; }

    internal RunMailer MailerFor(string userId, string email, int? functionId = null) =>
        Mailers.Create(new RunMailContext(userId, email, functionId, FunctionRunOrigin.Editor, AdminAddress));

    public Task UseSmtpAsync(LocalSmtpServer server, string user = "", string? password = null, string sender = "crm@example.test") =>
        Store.SaveAsync(new SmtpSettingsInput { Host = "127.0.0.1", Port = server.Port, Tls = SmtpTlsMode.None, UserName = user, NewPassword = password, DefaultSender = sender }, CancellationToken.None);

    public void Dispose() => Database.Dispose();
}
