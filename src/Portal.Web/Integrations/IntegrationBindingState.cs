namespace Portal.Web.Integrations;

public enum IntegrationBindingState
{
    NotBound,
    Bound,

    /// <summary>Bound, but the admin's authorization of the connection is missing or needs to be renewed.</summary>
    NeedsReauthorization,

    /// <summary>Bound with the authorization of someone who is no longer an admin or is locked out; tasks refuse to run.</summary>
    AdminNoLongerActive,
}
