namespace Portal.Web.Tests.Security;

/// <summary>Who the expectation table says may reach an endpoint (SEC-30).</summary>
public enum MatrixAccess
{
    /// <summary>Anyone, signed in or not.</summary>
    Anonymous,

    /// <summary>Any signed-in account (Identity's own account pages and endpoints).</summary>
    Authenticated,

    /// <summary>portal.member: User, Developer or Admin.</summary>
    Member,

    /// <summary>portal.developer: Developer or Admin.</summary>
    Developer,

    /// <summary>portal.admin.</summary>
    Admin,

    /// <summary>/api/v1 with any valid personal access token.</summary>
    Token,

    /// <summary>/api/v1 with the token of a Developer or Admin.</summary>
    TokenDeveloper,
}
