namespace Portal.Connections.Api;

/// <summary>Personal access tokens <c>pat_…</c> for the REST API: shown once, stored as SHA-256 (SEC-21).</summary>
public interface IPersonalAccessTokens
{
    /// <summary>The prefix every token starts with.</summary>
    const string TokenPrefix = "pat_";

    /// <summary>Creates a token for <paramref name="userId"/>; the returned <see cref="CreatedPersonalAccessToken.Token"/> is the only time it is shown.</summary>
    /// <exception cref="ConnectionsException">Invalid: the name is empty or longer than 100 characters, or <paramref name="expiresAt"/> is not in the future.</exception>
    Task<CreatedPersonalAccessToken> CreateAsync(string userId, string name, DateTimeOffset? expiresAt = null, CancellationToken ct = default);

    /// <summary>The user's tokens (never their values), newest first.</summary>
    Task<IReadOnlyList<PersonalAccessTokenInfo>> ListAsync(string userId, CancellationToken ct = default);

    /// <summary>Revokes one of the user's tokens; false when the user has no such unrevoked token.</summary>
    Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct = default);
}
