namespace Portal.Connections.OAuth;

internal enum TokenOutcomeKind
{
    Success,
    InvalidGrant,
    InvalidClient,
    Transient,
    Rejected,
}
