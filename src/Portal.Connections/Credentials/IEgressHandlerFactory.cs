namespace Portal.Connections.Credentials;

/// <summary>
/// Seam for SSRF egress filtering (SEC-22, separate issue): the host replaces this to return an AntiSSRF-guarded handler.
/// The returned handler must not follow redirects itself (the credential handler does, SEC-13).
/// </summary>
public interface IEgressHandlerFactory
{
    HttpMessageHandler CreatePrimaryHandler();
}
