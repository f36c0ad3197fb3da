using System.Text.Json.Nodes;

namespace Portal.Web.Integrations;

/// <summary>A read-only task call used to test a binding.</summary>
internal sealed record IntegrationTestCall
{
    public required string Task { get; init; }

    public IReadOnlyList<JsonNode?> Arguments { get; init; } = [];
}
