namespace Portal.Sandbox.Apis.Crm;

/// <summary>
/// A related list: with <paramref name="ChildPointsAtParent"/> the child records' <paramref name="LookupField"/> holds the parent id;
/// otherwise the parent's own <paramref name="LookupField"/> holds the single related child's id.
/// </summary>
internal sealed record CrmRelation(string ParentModule, string ListName, string ChildModule, string LookupField, bool ChildPointsAtParent);
