using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm.Criteria;

/// <summary>Two or more nodes joined by one connector.</summary>
internal sealed record CriteriaGroup(CriteriaConnector Connector, IReadOnlyList<CriteriaNode> Parts) : CriteriaNode
{
    public override bool Matches(JsonObject record) => Connector == CriteriaConnector.And
        ? Parts.All(part => part.Matches(record))
        : Parts.Any(part => part.Matches(record));
}
