namespace Portal.Web.ConnectionsUi;

/// <summary>Outcome of the Test button's request through a connection; <see cref="Message"/> is shown as is.</summary>
public sealed record TestRequestResult(bool Succeeded, string Message);
