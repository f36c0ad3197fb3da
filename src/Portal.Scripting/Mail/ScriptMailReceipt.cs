namespace Portal.Scripting.Mail;

/// <summary>What the run's trace lists for a sent mail: where it went and how big it was.</summary>
public sealed record ScriptMailReceipt(string Channel, IReadOnlyList<string> To, string Subject, long SizeBytes);
