namespace Portal.Web.Security;

public sealed record KeyEncryptionCertificateInfo(string Path, bool Created);
