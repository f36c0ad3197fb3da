namespace Portal.Scripting.Mail;

/// <summary>
/// Delivers the mails of a run's <c>sendmail</c> tasks (SMTP, or the portal's Outbox when none is configured).
/// Throw <see cref="ScriptHostException"/> for a failure the script may catch; the engine checks the per-run limits first.
/// </summary>
public interface IScriptMailer
{
    ValueTask<ScriptMailReceipt> SendAsync(ScriptMail mail, CancellationToken cancellationToken);
}
