namespace Portal.Web.Integrations;

/// <summary>What the Test button shows: a one-line summary and the value the task returned (shortened).</summary>
internal sealed record IntegrationTestResult(bool Succeeded, string Summary, string? ResultJson);
