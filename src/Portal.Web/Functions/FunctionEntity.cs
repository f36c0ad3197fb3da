namespace Portal.Web.Functions;

/// <summary>A saved function: its code and the typed arguments it is called with.</summary>
public sealed class FunctionEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique name used by standalone.api_name(…) calls and the API.</summary>
    public required string ApiName { get; set; }

    public string? Description { get; set; }

    /// <summary>JSON list of {"name","type"}; see <see cref="FunctionArgument"/>.</summary>
    public string ArgumentsJson { get; set; } = "[]";

    public string Code { get; set; } = string.Empty;

    public required string OwnerUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public FunctionVisibility Visibility { get; set; } = FunctionVisibility.Shared;

    /// <summary>SHA-256 (hex) of the function's API key; null while no key is enabled (SEC-21).</summary>
    public string? ApiKeyHash { get; set; }

    /// <summary>The key's first characters, so its owner can recognise it without it being stored.</summary>
    public string? ApiKeyPrefix { get; set; }

    /// <summary>The user who enabled the key; key calls run as this user.</summary>
    public string? ApiKeyUserId { get; set; }

    public DateTimeOffset? ApiKeyCreatedAt { get; set; }

    /// <summary>
    /// SEC-36: set when someone other than the key's enabler changed the code or arguments. The key is kept (so its callers learn
    /// why) but runs nothing until its enabler approves the new code or someone generates a new key.
    /// </summary>
    public DateTimeOffset? ApiKeyDisabledAt { get; set; }

    /// <summary>Why the key stopped, in words for its callers and its enabler.</summary>
    public string? ApiKeyDisabledReason { get; set; }

    /// <summary>Changes on every save so two editors cannot silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
