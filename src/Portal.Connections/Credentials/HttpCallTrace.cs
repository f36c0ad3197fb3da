namespace Portal.Connections.Credentials;

/// <summary>One hop of an outbound call, with secrets redacted, for run output (flow 4).</summary>
public sealed record HttpCallTrace(string Method, string Url, int? StatusCode, bool CredentialSent, string? Note, TimeSpan Elapsed);
