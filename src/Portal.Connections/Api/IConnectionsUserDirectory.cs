namespace Portal.Connections.Api;

/// <summary>Implemented by the host (Identity): roles of a user, or null when the user no longer exists or is locked out.</summary>
public interface IConnectionsUserDirectory
{
    Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The email a token holder is known by (the principal's name: run history, audit, <c>zoho.loginuser</c>).</summary>
    Task<string?> GetEmailAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
