namespace Portal.Sandbox.Apis.Crm.Criteria;

internal enum CriteriaConnector
{
    And,
    Or,
}
