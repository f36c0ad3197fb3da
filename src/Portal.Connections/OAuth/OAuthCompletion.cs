namespace Portal.Connections.OAuth;

/// <summary>Result of a callback; <see cref="Message"/> is safe to show (no secrets) and says what to do next.</summary>
public sealed record OAuthCompletion(bool Succeeded, string? LinkName, string Message);
