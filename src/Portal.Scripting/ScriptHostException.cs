namespace Portal.Scripting;

/// <summary>Thrown by host hooks to raise an error the script can catch with try/catch.</summary>
public sealed class ScriptHostException(string message) : Exception(message);
