namespace Portal.Web.Mail;

public sealed record OutboxAttachment(string FileName, string ContentType, long SizeBytes);
