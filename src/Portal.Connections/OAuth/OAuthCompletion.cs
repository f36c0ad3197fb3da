namespace Portal.Connections.OAuth;

/// <summary>How a consent ended: <see cref="Message"/> says what happened, <see cref="Problem"/> (when set) what fixes it.</summary>
public sealed record OAuthCompletion(bool Succeeded, string? LinkName, string Message, ConnectionProblem? Problem = null);
