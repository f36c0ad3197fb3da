namespace Portal.Connections.Management;

/// <summary>What <see cref="IUserCredentialCleanup"/> removed: authorizations (and how many the provider confirmed revoked) and tokens.</summary>
public sealed record UserCredentialCleanupResult(int Authorizations, int RevokedAtProvider, int PersonalAccessTokens);
