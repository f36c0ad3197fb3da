namespace Portal.Connections.Tokens;

internal enum RefreshReason
{
    Proactive,
    Rejected,
    Idle,
}
