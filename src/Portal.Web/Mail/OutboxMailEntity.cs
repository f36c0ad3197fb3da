using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Mail;

/// <summary>A mail a function sent while no SMTP server was configured, kept whole (MIME) for the Outbox page.</summary>
public sealed class OutboxMailEntity
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who ran the function: they (and admins) may read the mail.</summary>
    public required string UserId { get; set; }

    public string? UserEmail { get; set; }

    public int? FunctionId { get; set; }

    public string? FunctionName { get; set; }

    /// <summary>The run's history row, filled in once the run is recorded.</summary>
    public long? RunId { get; set; }

    public FunctionRunOrigin Origin { get; set; }

    public required string From { get; set; }

    /// <summary>To, Cc and Bcc addresses, comma-separated, for the list.</summary>
    public required string Recipients { get; set; }

    public required string Subject { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] Mime { get; set; }
}
