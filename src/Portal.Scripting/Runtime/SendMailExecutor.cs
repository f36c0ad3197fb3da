using System.Net.Mail;
using Portal.Scripting.Mail;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Evaluates a sendmail task, checks its addresses and the mail limits, and hands it to the host's mailer.</summary>
internal static class SendMailExecutor
{
    public static void Execute(Evaluator evaluator, SendMailStatement node, RunState state)
    {
        var mailer = state.Host.Mail
            ?? throw new ScriptRuntimeException("sendmail cannot deliver mail here: this run has no mail delivery configured; run the function in the portal, where mail goes out by SMTP or to the Outbox", node.Span);
        if (state.Mails.Count >= state.Limits.MaxMailsPerRun)
        {
            throw new ScriptLimitException($"mail limit exceeded: more than {state.Limits.MaxMailsPerRun} mails in one run; send one mail to several recipients or split the work", node.Span);
        }

        var from = From(evaluator, node, state);
        var to = Addresses(evaluator, node.To, "to", state);
        var cc = Addresses(evaluator, node.Cc, "cc", state);
        var bcc = Addresses(evaluator, node.Bcc, "bcc", state);
        if (to.Count == 0)
        {
            throw new ScriptRuntimeException("sendmail 'to' is empty; give it at least one address, like to: \"name@example.com\"", node.To.FirstOrDefault()?.Span ?? node.Span);
        }

        var recipients = to.Count + cc.Count + bcc.Count;
        if (recipients > state.Limits.MaxRecipientsPerMail)
        {
            throw new ScriptRuntimeException($"sendmail has {recipients} recipients (to, cc and bcc together), over the limit of {state.Limits.MaxRecipientsPerMail} per mail; split them over several mails", node.Span);
        }

        var replyTo = node.ReplyTo is null ? null : Addresses(evaluator, [node.ReplyTo], "reply to", state).FirstOrDefault();
        var subject = state.Display(evaluator.EvaluateOptional(node.Subject));
        var message = state.Display(evaluator.EvaluateOptional(node.Message));
        var contentType = ContentType(evaluator, node, state);
        if (node.Attachments.Length > 0)
        {
            throw new ScriptRuntimeException("sendmail attachments are not supported yet: this portal has no file values to attach; put a link to the file in the message instead", node.Attachments[0].Span);
        }

        var mail = new ScriptMail
        {
            From = from,
            To = to,
            Cc = cc,
            Bcc = bcc,
            ReplyTo = replyTo,
            Subject = subject,
            Message = message,
            ContentType = contentType,
            Line = evaluator.Script.Text.GetLine(node.Span.Start),
        };
        ScriptMailReceipt receipt;
        try
        {
            receipt = mailer.SendAsync(mail, state.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (state.Token.IsCancellationRequested)
        {
            state.ThrowCancelled(node.Span);
            throw;
        }

        state.Mails.Add(receipt);
    }

    // from: zoho.adminuserid (or no from) sends as the configured sender; zoho.loginuserid as the running user.
    private static string From(Evaluator evaluator, SendMailStatement node, RunState state)
    {
        var host = state.Host;
        var sender = Coalesce(host.MailSender, host.AdminUserId, host.AdminUser);
        var member = node.From is SystemValueExpression system ? system.QualifiedName[(system.QualifiedName.IndexOf('.') + 1)..].ToLowerInvariant() : null;
        var address = node.From is null || member is "adminuserid" or "adminuser"
            ? sender
            : member is "loginuserid" or "loginuser" ? host.LoginUser : state.Display(evaluator.Evaluate(node.From));
        if (!IsAddress(address))
        {
            throw new ScriptRuntimeException(
                address.Length == 0
                    ? "sendmail has no sender: no default sender is configured; ask an admin to set one under Setup, or write from: \"name@example.com\""
                    : $"sendmail 'from' is not a valid e-mail address: \"{Short(address)}\"; write it like from: \"name@example.com\" or from: zoho.adminuserid",
                node.From?.Span ?? node.Span);
        }

        return address.Trim();
    }

    private static List<string> Addresses(Evaluator evaluator, ExpressionNode[] expressions, string key, RunState state)
    {
        var addresses = new List<string>();
        foreach (var expression in expressions)
        {
            var value = evaluator.Evaluate(expression);
            IEnumerable<ScriptValue> items = value is ScriptList list ? list.Items : [value];
            foreach (var item in items)
            {
                if (item is ScriptNull)
                {
                    continue;
                }

                foreach (var part in state.Display(item).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!IsAddress(part))
                    {
                        throw new ScriptRuntimeException($"sendmail '{key}' has an invalid e-mail address: \"{Short(part)}\"; write addresses like name@example.com", expression.Span);
                    }

                    addresses.Add(part);
                    if (addresses.Count > state.Limits.MaxRecipientsPerMail)
                    {
                        throw new ScriptRuntimeException($"sendmail '{key}' has more than {state.Limits.MaxRecipientsPerMail} addresses, over the limit per mail; split them over several mails", expression.Span);
                    }
                }
            }
        }

        return addresses;
    }

    private static string ContentType(Evaluator evaluator, SendMailStatement node, RunState state)
    {
        if (node.ContentType is null)
        {
            return "text/html";
        }

        var text = state.Display(evaluator.Evaluate(node.ContentType)).Trim().ToLowerInvariant();
        return text switch
        {
            "html" or "text/html" => "text/html",
            "plaintext" or "plain" or "text" or "plain text" or "text/plain" => "text/plain",
            _ => throw new ScriptRuntimeException($"sendmail content type \"{Short(text)}\" is not supported; use HTML or plaintext", node.ContentType.Span),
        };
    }

    private static bool IsAddress(string text) =>
        text.Length is > 0 and <= 320 && text.Contains('@') && MailAddress.TryCreate(text.Trim(), out var parsed) && parsed.Address == text.Trim();

    private static string Coalesce(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
