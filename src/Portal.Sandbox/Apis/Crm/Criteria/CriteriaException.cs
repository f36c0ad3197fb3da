namespace Portal.Sandbox.Apis.Crm.Criteria;

/// <summary>A malformed criteria; <see cref="Exception.Message"/> is the <c>details.reason</c> of the 400 INVALID_QUERY answer.</summary>
internal sealed class CriteriaException(string reason) : Exception(reason);
