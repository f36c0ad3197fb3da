namespace Portal.Connections.Security;

public static class ConnectionsAuditEventTypes
{
    public const string ConnectionCreated = "connection.created";
    public const string ConnectionAuthorized = "connection.authorized";
    public const string ConnectionRevoked = "connection.revoked";
    public const string ConnectionDeleted = "connection.deleted";
    public const string ConnectionUseGranted = "connection.use_granted";
    public const string ConnectionUseRevoked = "connection.use_revoked";
    public const string ServiceEdited = "service.edited";
    public const string ServiceEditRefused = "service.edit_refused";
    public const string ServiceCreated = "service.created";
    public const string TokensInvalidated = "service.tokens_invalidated";
    public const string PersonalAccessTokenCreated = "pat.created";
    public const string PersonalAccessTokenRevoked = "pat.revoked";
}
