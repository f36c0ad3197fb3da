using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Mail;

/// <summary>Who runs which function: what an Outbox mail records, and the admin address that maps to the default sender.</summary>
internal sealed record RunMailContext(string UserId, string? UserEmail, int? FunctionId, FunctionRunOrigin Origin, string AdminAddress);
