using System.Text.Json.Nodes;

namespace Portal.Web.Integrations;

/// <summary>A task parameter. Types: TEXT, NUMBER, MAP, LIST, ID (a record id given as TEXT or NUMBER), FILE (sent as a multipart part).</summary>
internal sealed record IntegrationParameter
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "TEXT", "NUMBER", "MAP", "LIST", "ID", "FILE" };

    public required string Name { get; init; }

    public required string Type { get; init; }

    public bool Optional { get; init; }

    public JsonNode? Default { get; init; }

    public string Doc { get; init; } = "";
}
