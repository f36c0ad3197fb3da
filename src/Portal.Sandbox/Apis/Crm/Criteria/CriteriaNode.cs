using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm.Criteria;

/// <summary>A parsed search criteria: a single condition or an <c>and</c>/<c>or</c> group of nodes.</summary>
internal abstract record CriteriaNode
{
    /// <param name="record">The record in its API shape (fields plus <c>id</c>, <c>Owner</c>, times, users).</param>
    public abstract bool Matches(JsonObject record);
}
