using System.Text.Json.Nodes;

namespace Portal.Web.Integrations;

/// <summary>A task parameter. Types: TEXT, NUMBER, MAP, LIST, ID (a record id given as TEXT or NUMBER).</summary>
internal sealed record IntegrationParameter
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "TEXT", "NUMBER", "MAP", "LIST", "ID" };

    public required string Name { get; init; }

    public required string Type { get; init; }

    public bool Optional { get; init; }

    public JsonNode? Default { get; init; }

    public string Doc { get; init; } = "";
}
