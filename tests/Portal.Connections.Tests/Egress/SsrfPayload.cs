using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

/// <summary>
/// One SSRF attempt. <c>{c}</c> in the template is the canary's port. <see cref="Host"/> is the host the refusal must name;
/// <see cref="UrlPolicyBlocks"/> says whether the URL pre-check can already refuse it (IP literals, user info, localhost)
/// or only the connect-time check can (names that resolve to blocked addresses, DNS failures). <see cref="Reason"/> is the
/// connect-time reason; the URL pre-check reports <see cref="EgressBlockReason.UserInfo"/> first when the URL has an '@'.
/// </summary>
public sealed record SsrfPayload(string Template, string Host, bool UrlPolicyBlocks, EgressBlockReason Reason = EgressBlockReason.BlockedAddress)
{
    public string Url(int canaryPort) => Template.Replace("{c}", canaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public EgressBlockReason UrlReason => Template.Contains('@', StringComparison.Ordinal) ? EgressBlockReason.UserInfo : Reason;

    public override string ToString() => Template;
}
