namespace Portal.Web.Integrations;

/// <summary>An integration pack bound to an org connection; its tasks run with <see cref="AuthorizationUserId"/>'s authorization of it.</summary>
public sealed class IntegrationBindingEntity
{
    public int Id { get; set; }

    /// <summary>The pack's namespace, e.g. zoho.crm; one binding per pack.</summary>
    public string Namespace { get; set; } = "";

    public Guid ConnectionId { get; set; }

    /// <summary>The admin whose authorization of the connection every run uses.</summary>
    public string AuthorizationUserId { get; set; } = "";

    public string AuthorizationUserEmail { get; set; } = "";

    public string BoundByUserId { get; set; } = "";

    public string? BoundByEmail { get; set; }

    public DateTimeOffset BoundAt { get; set; }
}
