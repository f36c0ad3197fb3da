namespace Portal.Web.Integrations;

/// <summary>A namespace of integration tasks (e.g. zoho.crm) that runs under the org connection an admin binds it to.</summary>
internal sealed record IntegrationPack
{
    public required string Namespace { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Catalogue service ids whose connections this pack can be bound to.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Path appended to the token response's api_domain, or to the origin of the service's API base URL.</summary>
    public string ApiPath { get; init; } = "/";

    /// <summary>Whether a task accepts a trailing connection link name that overrides the binding (run as the running user).</summary>
    public bool ConnectionArgument { get; init; }

    public IntegrationErrorShape Errors { get; init; } = new();

    /// <summary>A harmless call the Integrations page sends to test a binding.</summary>
    public IntegrationTestCall? Test { get; init; }

    public IReadOnlyList<IntegrationTask> Tasks { get; init; } = [];

    public IntegrationTask? FindTask(string name) =>
        Tasks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
