namespace Portal.Web.Mail;

/// <summary>What the Setup page saves. A null <see cref="NewPassword"/> keeps the stored one.</summary>
public sealed record SmtpSettingsInput
{
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.StartTls;

    public string UserName { get; init; } = "";

    public string? NewPassword { get; init; }

    public bool ClearPassword { get; init; }

    public string DefaultSender { get; init; } = "";
}
