namespace Portal.Web.Functions;

/// <summary>Shared functions are seen and run by every member; private ones only by their owner and Admins.</summary>
public enum FunctionVisibility
{
    Shared,
    Private,
}
