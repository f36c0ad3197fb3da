namespace Portal.Scripting.Http;

/// <summary>A transport failure (DNS, refused, TLS, timeout, oversize, connection problem); scripts can catch it.</summary>
public sealed class HttpInvocationException(string message, Exception? inner = null) : Exception(message, inner);
