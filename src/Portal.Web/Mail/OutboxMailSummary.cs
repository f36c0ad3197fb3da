namespace Portal.Web.Mail;

/// <summary>One line of the Outbox list.</summary>
public sealed record OutboxMailSummary(long Id, DateTimeOffset CreatedAt, string Recipients, string Subject, string? UserEmail, int? FunctionId, string? FunctionName, long? RunId, long SizeBytes)
{
    /// <summary>The sending function's API name (its editor's address) while it still exists.</summary>
    public string? FunctionApiName { get; init; }
}
