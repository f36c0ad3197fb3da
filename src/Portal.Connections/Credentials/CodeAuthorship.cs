namespace Portal.Connections.Credentials;

/// <summary>One piece of code taking part in a run: whose function it is and who last changed it (SEC-33).</summary>
/// <param name="Label">How the refusal names it, e.g. <c>function "report" (owner ann@x; last changed by bob@x)</c>.</param>
public sealed record CodeAuthorship(string OwnerUserId, string LastChangedByUserId, string Label);
