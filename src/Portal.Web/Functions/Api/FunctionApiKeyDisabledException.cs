namespace Portal.Web.Functions.Api;

/// <summary>The authentication failure of a key that someone other than its enabler's change stopped (SEC-36); the message says why.</summary>
internal sealed class FunctionApiKeyDisabledException(string message) : Exception(message);
