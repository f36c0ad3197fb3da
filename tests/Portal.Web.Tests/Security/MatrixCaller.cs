namespace Portal.Web.Tests.Security;

/// <summary>The four callers every endpoint is tried with: bob is a User, alice a Developer.</summary>
public enum MatrixCaller
{
    Anonymous,
    User,
    Developer,
    Admin,
}
