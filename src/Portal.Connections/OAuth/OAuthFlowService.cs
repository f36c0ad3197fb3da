using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Security;

namespace Portal.Connections.OAuth;

/// <summary>Authorizes connections: authorization code + PKCE (SEC-1…6), client credentials, API key and Basic.</summary>
internal sealed class OAuthFlowService : IConnectionAuthorizer
{
    private readonly IConnectionsDbContextFactory _db;
    private readonly ConnectionLookup _lookup;
    private readonly ProviderClient _provider;
    private readonly AuthorizationStore _store;
    private readonly SecretProtector _protector;
    private readonly IConnectionsAuditSink _audit;
    private readonly TimeProvider _time;
    private readonly ConnectionsOptions _options;
    private readonly ILogger<OAuthFlowService> _logger;
    private readonly IssuerMetadata _issuers;

    public OAuthFlowService(IConnectionsDbContextFactory db, ConnectionLookup lookup, ProviderClient provider, AuthorizationStore store,
        SecretProtector protector, IConnectionsAuditSink audit, TimeProvider time, IOptions<ConnectionsOptions> options, ILogger<OAuthFlowService> logger,
        IssuerMetadata issuers)
    {
        (_db, _lookup, _provider, _store, _protector, _audit, _time, _options, _logger) = (db, lookup, provider, store, protector, audit, time, options.Value, logger);
        _issuers = issuers;
    }

    /// <summary>Creates server-side state and returns the provider URL. <paramref name="redirectUri"/> must be the exact registered callback.</summary>
    public async Task<OAuthStartResult> StartAsync(string linkName, string userId, string redirectUri, string? existingBrowserBinding = null, CancellationToken ct = default)
    {
        var (connection, service) = await LoadAuthorizableAsync(linkName, userId, ct);
        if (service.Descriptor.AuthType != ServiceAuthType.OAuth2AuthorizationCode)
        {
            throw new ConnectionsException(new ConnectionProblem(ConnectionsErrorKind.Invalid, ConnectionRemedy.EnterCredentials) { LinkName = linkName },
                $"Connection '{linkName}' uses {service.Descriptor.AuthType}, which has no browser consent step.");
        }

        var state = Hashing.RandomToken();
        // One binding per browser (reused), so two consent popups in the same browser don't break each other.
        var binding = existingBrowserBinding is { Length: 43 } ? existingBrowserBinding : Hashing.RandomToken();
        var verifier = Hashing.RandomToken(); // SEC-1: 32 random bytes → 43 characters
        var now = _time.GetUtcNow();
        var row = new OAuthFlowStateEntity
        {
            Id = Guid.NewGuid(), StateHash = Hashing.Sha256Hex(state), UserId = userId, BrowserBindingHash = Hashing.Sha256Hex(binding),
            ConnectionId = connection.Id, RedirectUri = redirectUri, CreatedAt = now, ExpiresAt = now + _options.StateLifetime,
            ExpectedIssuer = service.Descriptor.Issuer ?? UrlRules.Origin(new Uri(service.Descriptor.AuthorizeUrl!)),
        };
        row.CodeVerifierCiphertext = _protector.Protect(SecretKind.CodeVerifier, row.Id, verifier);
        await using (var db = _db.CreateDbContext())
        {
            db.Add(row);
            await db.SaveChangesAsync(ct);
        }

        var d = service.Descriptor;
        var pkce = d.UsePkce;
        var url = new RequestUrl(d.AuthorizeUrl!).CreateAuthorizeUrl(
            clientId: service.ClientId!,
            responseType: "code",
            scope: string.Join(d.ScopeDelimiter, ConnectionLookup.Scopes(connection)),
            redirectUri: redirectUri,
            state: state,
            codeChallenge: pkce ? Hashing.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : null,
            codeChallengeMethod: pkce ? "S256" : null,
            extra: new Parameters(d.ExtraAuthorizeParameters));
        return new OAuthStartResult(url, binding, row.ExpiresAt);
    }

    /// <summary>Validates the callback (SEC-2…6) and stores the tokens. Never throws for protocol problems.</summary>
    public async Task<OAuthCompletion> CompleteAsync(OAuthCallback callback, string? userId, string? browserBinding, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // No "start again" advice here: where to start again depends on where the message is read (tab or wizard).
        if (string.IsNullOrEmpty(callback.State))
        {
            return new(false, null, "The provider's answer has no state parameter, so it cannot be trusted.");
        }

        OAuthFlowStateEntity? state;
        await using (var db = _db.CreateDbContext())
        {
            var hash = Hashing.Sha256Hex(callback.State);
            state = await db.Set<OAuthFlowStateEntity>().SingleOrDefaultAsync(s => s.StateHash == hash, ct);
            if (state is null)
            {
                return new(false, null, "This sign-in attempt is unknown or was already used.");
            }

            db.Remove(state); // SEC-2: one-time, even when the checks below fail
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(false, null, "This sign-in attempt was already used.");
            }
        }

        var connection = await _lookup.FindAsync(state.ConnectionId, ct);
        var link = connection?.LinkName;
        if (connection is null)
        {
            return new(false, null, "The connection was deleted while you were signing in.", new ConnectionProblem(ConnectionsErrorKind.NotFound, ConnectionRemedy.CreateAgain));
        }

        var failure = CheckBinding(state, callback, userId, browserBinding);

        // SEC-38 (RFC 9207): a server that promises iss and "answers" without it is a mix-up attempt, not that server.
        if (failure is null && callback.Issuer is null && string.IsNullOrEmpty(callback.Error) && state.ExpectedIssuer is { } issuer
            && await _issuers.PromisesIssuerAsync(issuer, ct))
        {
            failure = $"The answer does not name the authorization server (iss), although that server always names itself, so it was rejected.";
        }

        if (failure is not null)
        {
            _logger.LogWarning("OAuth callback for connection {Connection} rejected: {Reason}", link, failure);
            return new(false, link, failure);
        }

        ServiceRuntime service;
        try
        {
            service = await _lookup.ServiceForAsync(connection, ct);
        }
        catch (ConnectionsException ex)
        {
            return new(false, link, ex.Message, ex.Problem);
        }

        var verifier = _protector.Unprotect(SecretKind.CodeVerifier, state.Id, state.CodeVerifierCiphertext);
        var outcome = await _provider.ExchangeCodeAsync(service, callback.Code!, state.RedirectUri, service.Descriptor.UsePkce ? verifier : null, ct);
        if (!outcome.IsSuccess)
        {
            return new(false, link, $"{service.Descriptor.DisplayName} did not issue a token: {outcome.Problem}. Nothing was stored.",
                outcome.Kind == TokenOutcomeKind.InvalidClient ? ServiceProblems.ClientRejected(service, link) : null);
        }

        await _store.SaveTokensAsync(connection.Id, state.UserId, outcome, ConnectionLookup.Scopes(connection), ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionAuthorized, state.UserId, _time.GetUtcNow(), link, service.Descriptor.Id), ct);
        return new(true, link, $"Connection '{link}' is connected.");
    }

    /// <summary>Authorizes a client-credentials connection by fetching a token now.</summary>
    public async Task AuthorizeWithClientCredentialsAsync(string linkName, string userId, CancellationToken ct = default)
    {
        var (connection, service) = await LoadForAuthType(linkName, userId, ServiceAuthType.OAuth2ClientCredentials, ct);
        var outcome = await _provider.ClientCredentialsAsync(service, ConnectionLookup.Scopes(connection), ct);
        if (!outcome.IsSuccess)
        {
            // Admin › Services must not say Ready for a service whose token call fails (issue 16).
            await _lookup.Catalog.RecordConfigurationErrorAsync(service.Descriptor.Id, $"The token request failed: {outcome.Problem}. Check the token URL, client id and secret.", ct);
            throw new ConnectionsException(outcome.Kind == TokenOutcomeKind.InvalidClient ? ConnectionsErrorKind.ServiceConfiguration : ConnectionsErrorKind.Provider,
                $"{service.Descriptor.DisplayName} did not issue a token for connection '{linkName}': {outcome.Problem}. Check the client id and secret, then try again.", linkName);
        }

        if (service.ConfigurationError is not null)
        {
            await _lookup.Catalog.RecordConfigurationErrorAsync(service.Descriptor.Id, null, ct);
        }

        await _store.SaveTokensAsync(connection.Id, userId, outcome with { RefreshToken = null }, ConnectionLookup.Scopes(connection), ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionAuthorized, userId, _time.GetUtcNow(), linkName, service.Descriptor.Id), ct);
    }

    /// <summary>Authorizes an API-key connection by storing every declared parameter's value (encrypted).</summary>
    public async Task AuthorizeWithApiKeyAsync(string linkName, string userId, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (connection, service) = await LoadForAuthType(linkName, userId, ServiceAuthType.ApiKey, ct);
        var missing = service.Descriptor.ApiKeyParameters.Where(p => !values.TryGetValue(p.Name, out var v) || string.IsNullOrWhiteSpace(v)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid, $"Enter a value for {string.Join(", ", missing)} to authorize connection '{linkName}'.", linkName);
        }

        var stored = service.Descriptor.ApiKeyParameters.ToDictionary(p => p.Name, p => values[p.Name]);
        await _store.SaveSecretAsync(connection.Id, userId, null, JsonSerializer.Serialize(stored), ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionAuthorized, userId, _time.GetUtcNow(), linkName, service.Descriptor.Id), ct);
    }

    /// <summary>Authorizes a Basic-auth connection by storing the password (encrypted).</summary>
    public async Task AuthorizeWithBasicAsync(string linkName, string userId, string userName, string password, CancellationToken ct = default)
    {
        var (connection, service) = await LoadForAuthType(linkName, userId, ServiceAuthType.Basic, ct);
        if (string.IsNullOrEmpty(userName) || userName.Contains(':', StringComparison.Ordinal) || string.IsNullOrEmpty(password))
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid, $"Enter a user name (without ':') and a password to authorize connection '{linkName}'.", linkName);
        }

        await _store.SaveSecretAsync(connection.Id, userId, userName, password, ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionAuthorized, userId, _time.GetUtcNow(), linkName, service.Descriptor.Id), ct);
    }

    /// <summary>Someone else's owner-mode connection reads like a missing one, before its service can show in an error (SEC-33).</summary>
    private async Task<(ConnectionEntity, ServiceRuntime)> LoadAuthorizableAsync(string linkName, string userId, CancellationToken ct)
    {
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || (connection.OwnerUserId != userId && connection.Mode != ConnectionMode.LoginUserCredentials))
        {
            throw new ConnectionsException(ConnectionsErrorKind.NotFound,
                $"There is no connection named '{linkName}' that you can authorize. Check the link name; a connection that uses its owner's account is authorized by its owner only.");
        }

        return (connection, await _lookup.ServiceForAsync(connection, ct));
    }

    internal static void EnsureMayAuthorize(ConnectionEntity connection, string userId)
    {
        if (connection.OwnerUserId != userId && connection.Mode != ConnectionMode.LoginUserCredentials)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Forbidden,
                $"Only the owner of connection '{connection.LinkName}' can authorize it, because it uses the owner's credentials.", connection.LinkName);
        }
    }

    private async Task<(ConnectionEntity, ServiceRuntime)> LoadForAuthType(string linkName, string userId, ServiceAuthType type, CancellationToken ct)
    {
        var (connection, service) = await LoadAuthorizableAsync(linkName, userId, ct);
        if (service.Descriptor.AuthType != type)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid,
                $"Connection '{linkName}' uses {service.Descriptor.AuthType} authentication, not {type}. Use the matching authorize option.", linkName);
        }

        return (connection, service);
    }

    private string? CheckBinding(OAuthFlowStateEntity state, OAuthCallback callback, string? userId, string? browserBinding)
    {
        if (_time.GetUtcNow() > state.ExpiresAt)
        {
            return $"The sign-in took longer than {_options.StateLifetime.TotalMinutes:0} minutes and expired.";
        }

        if (userId is null || !Hashing.FixedTimeEquals(userId, state.UserId))
        {
            return "This sign-in was started by a different portal user. Sign in to the portal as that user to finish it, or start again as yourself.";
        }

        if (string.IsNullOrEmpty(browserBinding) || !Hashing.FixedTimeEquals(Hashing.Sha256Hex(browserBinding), state.BrowserBindingHash))
        {
            return "This sign-in was started in a different browser or its cookie is missing.";
        }

        if (!string.IsNullOrEmpty(callback.Error))
        {
            var reason = callback.Error == "access_denied" ? "consent was declined" : $"the provider reported '{Printable(callback.Error)}'";
            return $"The connection was not authorized: {reason}.";
        }

        if (callback.Issuer is not null && !string.Equals(callback.Issuer.TrimEnd('/'), state.ExpectedIssuer?.TrimEnd('/'), StringComparison.Ordinal))
        {
            return "The answer came from an unexpected authorization server (issuer mismatch), so it was rejected.";
        }

        return string.IsNullOrEmpty(callback.Code) ? "The provider's answer has no authorization code." : null;
    }

    private static string Printable(string s) => new(s.Where(c => !char.IsControl(c)).Take(100).ToArray());
}
