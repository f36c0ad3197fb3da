using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Connections.Data;
using Portal.Connections.Security;

namespace Portal.Connections.Catalog;

/// <summary>Default services (embedded catalogue + contributors) and custom services stored in the database.</summary>
internal sealed class ServiceCatalog : IServiceCatalog
{
    private readonly ConcurrentDictionary<string, ContributedService> _defaults = new(StringComparer.Ordinal);
    private readonly IConnectionsDbContextFactory _db;
    private readonly ServiceValidator _validator;
    private readonly SecretProtector _protector;
    private readonly IConnectionsAuditSink _audit;
    private readonly TimeProvider _time;

    public ServiceCatalog(
        IConnectionsDbContextFactory db,
        ServiceValidator validator,
        SecretProtector protector,
        IConnectionsAuditSink audit,
        TimeProvider time,
        IEnumerable<ICatalogContributor> contributors)
    {
        _db = db;
        _validator = validator;
        _protector = protector;
        _audit = audit;
        _time = time;
        foreach (var descriptor in CatalogLoader.LoadEmbedded())
        {
            AddDefault(descriptor);
        }

        foreach (var service in contributors.SelectMany(c => c.GetServices()))
        {
            AddDefault(service.Descriptor, service.ClientId, service.ClientSecret);
        }
    }

    /// <summary>Validated default services, ordered by display name.</summary>
    public IReadOnlyList<ServiceDescriptor> Defaults => [.. _defaults.Values.Select(v => v.Descriptor).OrderBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Adds (or replaces) a default service; throws when the definition is invalid so startup fails closed.</summary>
    public void AddDefault(ServiceDescriptor descriptor, string? clientId = null, string? clientSecret = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var errors = _validator.Validate(descriptor, []);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Default service '{descriptor.Id}' is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        _defaults[descriptor.Id] = new ContributedService(descriptor, clientId, clientSecret);
    }

    public async Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default)
    {
        await using var db = _db.CreateDbContext();
        var rows = await db.Set<ServiceDefinitionEntity>().AsNoTracking().ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.ServiceId, StringComparer.Ordinal);
        var list = _defaults.Values.Select(d => ToCatalogService(BuildRuntime(d, byId.GetValueOrDefault(d.Descriptor.Id))))
            .Concat(rows.Where(r => r.IsCustom).Select(r => ToCatalogService(BuildCustomRuntime(r))));
        return [.. list.OrderBy(s => s.IsCustom).ThenBy(s => s.Descriptor.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default) =>
        await GetRuntimeAsync(serviceId, ct) is { } runtime ? ToCatalogService(runtime) : null;

    internal async Task<ServiceRuntime?> GetRuntimeAsync(string serviceId, CancellationToken ct = default)
    {
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ServiceDefinitionEntity>().AsNoTracking().SingleOrDefaultAsync(r => r.ServiceId == serviceId, ct);
        if (row is { IsCustom: true })
        {
            return BuildCustomRuntime(row);
        }

        return _defaults.TryGetValue(serviceId, out var def) ? BuildRuntime(def, row) : null;
    }

    public async Task<ServiceEditResult> CreateCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, string actorUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        await using var db = _db.CreateDbContext();
        var taken = await TakenIdsAsync(db, ct);
        var errors = _validator.Validate(descriptor, taken);
        if (errors.Count > 0)
        {
            return new ServiceEditResult(false, errors);
        }

        var now = _time.GetUtcNow();
        var row = new ServiceDefinitionEntity
        {
            Id = Guid.NewGuid(), ServiceId = descriptor.Id, IsCustom = true, CreatedAt = now, UpdatedAt = now,
            DefinitionJson = JsonSerializer.Serialize(descriptor, CatalogJson.Options), ClientId = Blank(clientId),
            CreatedByUserId = actorUserId, ConcurrencyToken = Guid.NewGuid(), Enabled = true,
        };
        row.ClientSecretCiphertext = _protector.ProtectOptional(SecretKind.ClientSecret, row.Id, clientSecret);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ServiceCreated, actorUserId, now, ServiceId: descriptor.Id), ct);
        return new ServiceEditResult(true, []);
    }

    /// <summary>
    /// Edits a custom service; a null <paramref name="clientSecret"/> keeps the stored secret. Only its creator and admins may
    /// (SEC-34); SEC-11/SEC-34 invalidation applies.
    /// </summary>
    public async Task<ServiceEditResult> UpdateCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool enabled, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ServiceDefinitionEntity>().SingleOrDefaultAsync(r => r.ServiceId == descriptor.Id && r.IsCustom, ct);
        if (row is null)
        {
            return ServiceEditResult.Failed(new FieldError("id", $"There is no custom service '{descriptor.Id}'; create it first."));
        }

        if (await RefuseAsync(row, actor, "change", ct) is { } refusal)
        {
            return refusal;
        }

        var actorUserId = actor.UserId;

        var taken = (await TakenIdsAsync(db, ct)).Where(id => id != descriptor.Id).ToList();
        var errors = _validator.Validate(descriptor, taken);
        if (errors.Count > 0)
        {
            return new ServiceEditResult(false, errors);
        }

        var before = BuildCustomRuntime(row);
        row.DefinitionJson = JsonSerializer.Serialize(descriptor, CatalogJson.Options);
        row.ClientId = Blank(clientId);
        if (clientSecret is not null)
        {
            row.ClientSecretCiphertext = _protector.ProtectOptional(SecretKind.ClientSecret, row.Id, clientSecret);
        }

        row.Enabled = enabled;
        return await SaveEditAsync(db, row, before, BuildCustomRuntime(row), actorUserId, ct);
    }

    /// <summary>Admin configuration of a default service (client credentials, templates, enabled). SEC-11 applies.</summary>
    public async Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!_defaults.TryGetValue(serviceId, out var def))
        {
            return ServiceEditResult.Failed(new FieldError("id", $"'{serviceId}' is not a default service; edit custom services with UpdateCustomAsync."));
        }

        var badTemplate = settings.TemplateValues.FirstOrDefault(kv => !def.Descriptor.TemplateParameters.ContainsKey(kv.Key) || !UrlRules.TemplateValue().IsMatch(kv.Value));
        if (badTemplate.Key is not null)
        {
            return ServiceEditResult.Failed(new FieldError($"templateValues.{badTemplate.Key}", "Unknown template parameter or invalid value; use letters, digits, '.' and '-'."));
        }

        await using var db = _db.CreateDbContext();
        var row = await db.Set<ServiceDefinitionEntity>().SingleOrDefaultAsync(r => r.ServiceId == serviceId, ct);
        var before = BuildRuntime(def, row);
        if (row is null)
        {
            var now = _time.GetUtcNow();
            row = new ServiceDefinitionEntity { Id = Guid.NewGuid(), ServiceId = serviceId, CreatedAt = now, CreatedByUserId = actorUserId };
            db.Add(row);
        }

        row.ClientId = Blank(settings.ClientId);
        if (settings.ClientSecret is not null)
        {
            row.ClientSecretCiphertext = _protector.ProtectOptional(SecretKind.ClientSecret, row.Id, settings.ClientSecret);
        }

        row.Enabled = settings.Enabled;
        row.TemplateValuesJson = JsonSerializer.Serialize(settings.TemplateValues, CatalogJson.Options);
        return await SaveEditAsync(db, row, before, BuildRuntime(def, row), actorUserId, ct);
    }

    /// <summary>Deletes a custom service that no connection uses any more; only its creator and admins may (SEC-34).</summary>
    public async Task<ServiceEditResult> DeleteCustomAsync(string serviceId, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ServiceDefinitionEntity>().SingleOrDefaultAsync(r => r.ServiceId == serviceId && r.IsCustom, ct);
        if (row is null)
        {
            return ServiceEditResult.Failed(new FieldError("id", $"There is no custom service '{serviceId}'."));
        }

        if (await RefuseAsync(row, actor, "delete", ct) is { } refusal)
        {
            return refusal;
        }

        var actorUserId = actor.UserId;

        var inUse = await db.Set<ConnectionEntity>().Where(c => c.ServiceId == serviceId).Select(c => c.LinkName).ToListAsync(ct);
        if (inUse.Count > 0)
        {
            return ServiceEditResult.Failed(new FieldError("id", $"Delete the connections that use this service first: {string.Join(", ", inUse)}."));
        }

        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ServiceEdited, actorUserId, _time.GetUtcNow(), ServiceId: serviceId, Detail: "deleted"), ct);
        return new ServiceEditResult(true, []);
    }

    internal async Task RecordConfigurationErrorAsync(string serviceId, string? error, CancellationToken ct)
    {
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ServiceDefinitionEntity>().SingleOrDefaultAsync(r => r.ServiceId == serviceId, ct);
        if (row is null)
        {
            var now = _time.GetUtcNow();
            row = new ServiceDefinitionEntity { Id = Guid.NewGuid(), ServiceId = serviceId, CreatedAt = now, UpdatedAt = now, Enabled = true };
            if (_defaults.TryGetValue(serviceId, out var def))
            {
                row.ClientId = def.ClientId;
                row.ClientSecretCiphertext = _protector.ProtectOptional(SecretKind.ClientSecret, row.Id, def.ClientSecret);
            }

            db.Add(row);
        }

        row.ConfigurationError = error;
        row.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    private async Task<ServiceEditResult> SaveEditAsync(DbContext db, ServiceDefinitionEntity row, ServiceRuntime before, ServiceRuntime after, string actorUserId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        row.UpdatedAt = now;
        row.ConfigurationError = null;
        row.ConcurrencyToken = Guid.NewGuid();
        var invalidated = 0;
        var changes = CredentialChanges(before, after);
        if (changes.Count > 0)
        {
            // SEC-11/34: same SaveChanges as the edit, so no refresh or request can send old credentials where the edit points.
            invalidated = await TokenInvalidation.InvalidateServiceAsync(db, row.ServiceId,
                $"the service's {string.Join(", ", changes)} changed and its stored credentials were deleted", ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceEditResult.Failed(new FieldError("", "Someone else changed this service at the same time; reload it and apply your edit again."));
        }

        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ServiceEdited, actorUserId, now, ServiceId: row.ServiceId,
            Detail: invalidated > 0 ? $"{invalidated} authorization(s) invalidated; users must authorize again" : null), ct);
        if (changes.Count > 0)
        {
            await _audit.WriteAsync(new(ConnectionsAuditEventTypes.TokensInvalidated, actorUserId, now, ServiceId: row.ServiceId,
                Detail: $"{string.Join(", ", changes)} changed: {invalidated} stored credential(s) deleted, connections need re-authorization"), ct);
        }

        return new ServiceEditResult(true, [], invalidated) { CredentialChanges = changes };
    }

    /// <summary>
    /// SEC-11/SEC-34: every part of where or how a credential travels. A change to any of them could send an existing
    /// credential somewhere new (a key moved from a header into a body that an echo returns, a token to another host).
    /// </summary>
    internal static IReadOnlyList<string> CredentialChanges(ServiceRuntime a, ServiceRuntime b)
    {
        var (x, y) = (a.Descriptor, b.Descriptor);
        var changes = new List<string>();
        void Check(bool changed, string what)
        {
            if (changed)
            {
                changes.Add(what);
            }
        }

        Check(x.AuthType != y.AuthType, "authentication type");
        Check(!x.ApiKeyParameters.Select(KeyShape).SequenceEqual(y.ApiKeyParameters.Select(KeyShape)), "API key parameters");
        Check(x.TokenPlacement != y.TokenPlacement, "access token placement");
        Check(a.ClientId != b.ClientId, "client id");
        Check(x.ClientAuthentication != y.ClientAuthentication, "client authentication");
        Check(x.AuthorizeUrl != y.AuthorizeUrl, "authorize URL");
        Check(x.TokenUrl != y.TokenUrl, "token URL");
        Check(a.RefreshUrl != b.RefreshUrl, "refresh URL");
        Check(x.RevokeUrl != y.RevokeUrl, "revoke URL");
        Check(!x.AllowedApiBaseUrls.Order(StringComparer.Ordinal).SequenceEqual(y.AllowedApiBaseUrls.Order(StringComparer.Ordinal)), "allowed API base URLs");
        return changes;
    }

    // The label is only what a person sees while typing the key; name, location and format decide where it goes.
    private static (string, CredentialLocation, string) KeyShape(ApiKeyParameter p) => (p.Name, p.Location, p.Format);

    private async Task<ServiceEditResult?> RefuseAsync(ServiceDefinitionEntity row, ConnectionsUser actor, string verb, CancellationToken ct)
    {
        if (actor.IsAdmin || (row.CreatedByUserId is { Length: > 0 } creator && creator == actor.UserId))
        {
            return null;
        }

        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ServiceEditRefused, actor.UserId, _time.GetUtcNow(), ServiceId: row.ServiceId,
            Detail: $"refused to {verb}: only the service's creator and admins may"), ct);
        return ServiceEditResult.Refusal(
            $"Only the person who created the custom service '{row.ServiceId}' and admins can {verb} it, because it decides where everyone's credentials for it are sent. " +
            "Ask them to make the change, or create your own custom service.");
    }

    private async Task<IReadOnlyCollection<string>> TakenIdsAsync(DbContext db, CancellationToken ct)
    {
        var custom = await db.Set<ServiceDefinitionEntity>().Where(r => r.IsCustom).Select(r => r.ServiceId).ToListAsync(ct);
        return [.. custom.Concat(_defaults.Keys)];
    }

    private ServiceRuntime BuildRuntime(ContributedService def, ServiceDefinitionEntity? row)
    {
        var values = row?.TemplateValuesJson is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json, CatalogJson.Options) ?? []
            : [];
        var clientId = row is null ? def.ClientId : row.ClientId ?? def.ClientId;
        var secret = row?.ClientSecretCiphertext is { } c ? _protector.Unprotect(SecretKind.ClientSecret, row.Id, c) : def.ClientSecret;
        return Resolve(def.Descriptor, values, isCustom: false, row?.Enabled ?? true, clientId, secret, row?.ConfigurationError);
    }

    private ServiceRuntime BuildCustomRuntime(ServiceDefinitionEntity row)
    {
        var descriptor = JsonSerializer.Deserialize<ServiceDescriptor>(row.DefinitionJson ?? "{}", CatalogJson.Options)!;
        var secret = _protector.UnprotectOptional(SecretKind.ClientSecret, row.Id, row.ClientSecretCiphertext);
        return Resolve(descriptor, [], isCustom: true, row.Enabled, row.ClientId, secret, row.ConfigurationError) with { CreatedByUserId = row.CreatedByUserId };
    }

    private static ServiceRuntime Resolve(ServiceDescriptor d, Dictionary<string, string> values, bool isCustom, bool enabled, string? clientId, string? secret, string? configError)
    {
        foreach (var (name, fallback) in d.TemplateParameters)
        {
            if (!values.ContainsKey(name) && fallback is not null)
            {
                values[name] = fallback;
            }
        }

        string? R(string? url) => url is null ? null : UrlRules.Resolve(url, values);
        var resolved = d with
        {
            AuthorizeUrl = R(d.AuthorizeUrl), TokenUrl = R(d.TokenUrl), RefreshUrl = R(d.RefreshUrl), RevokeUrl = R(d.RevokeUrl),
            Issuer = R(d.Issuer), SampleRequestUrl = R(d.SampleRequestUrl), TestRequestUrl = R(d.TestRequestUrl), AllowedApiBaseUrls = [.. d.AllowedApiBaseUrls.Select(u => R(u)!)],
        };
        var missing = d.TemplateParameters.Keys.Where(k => !values.ContainsKey(k)).ToList();
        string? problem = null;
        if (missing.Count > 0)
        {
            problem = $"Needs setup: {d.DisplayName} has no value yet for {string.Join(", ", missing.Select(m => "{" + m + "}"))}.";
        }
        else if (d.AuthType is ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials && string.IsNullOrEmpty(clientId))
        {
            problem = $"Needs setup: {d.DisplayName} has no client id and secret yet.";
        }

        return new ServiceRuntime(resolved, isCustom, enabled, clientId, secret, problem, configError) { MissingSettings = missing };
    }

    private static CatalogService ToCatalogService(ServiceRuntime r) => new()
    {
        Descriptor = r.Descriptor, IsCustom = r.IsCustom, Enabled = r.Enabled, ClientId = r.ClientId,
        HasClientSecret = !string.IsNullOrEmpty(r.ClientSecret), NeedsSetup = r.SetupProblem is not null,
        SetupMessage = r.SetupProblem, Problem = !r.Enabled ? ServiceProblems.Disabled(r) : r.SetupNeeded, ConfigurationError = r.ConfigurationError, CreatedByUserId = r.IsCustom ? r.CreatedByUserId : null,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
