namespace Portal.Web.Integrations;

public enum IntegrationBindingState
{
    NotBound,
    Bound,

    /// <summary>Bound, but the admin's authorization of the connection is missing or needs to be renewed.</summary>
    NeedsReauthorization,
}
