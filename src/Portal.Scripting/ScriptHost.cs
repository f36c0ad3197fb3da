using Portal.Scripting.Http;
using Portal.Scripting.Mail;
using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>What the surrounding application provides to a run: identity, clock, HTTP and hooks.</summary>
public sealed class ScriptHost
{
    public string LoginUser { get; init; } = string.Empty;

    public string LoginUserId { get; init; } = string.Empty;

    public string AdminUser { get; init; } = string.Empty;

    /// <summary>The admin's e-mail, the value of zoho.adminuserid; empty → <see cref="AdminUser"/>.</summary>
    public string AdminUserId { get; init; } = string.Empty;

    /// <summary>The configured default sender; sendmail from zoho.adminuserid (or without from) sends as it. Empty → the admin's e-mail.</summary>
    public string MailSender { get; init; } = string.Empty;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public required IHttpInvoker Http { get; init; }

    public IFunctionResolver? Functions { get; init; }

    public IHostTaskInvoker? Tasks { get; init; }

    /// <summary>Delivers sendmail tasks; null → sendmail fails with a clear error.</summary>
    public IScriptMailer? Mail { get; init; }

    /// <summary>Extra zoho.* / portal.* values beyond the built-in ones, keyed by full lower-case name.</summary>
    public IReadOnlyDictionary<string, ScriptValue>? SystemValues { get; init; }
}
