using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis;

/// <summary>Sandbox Mail: send (stored, delivered to sandbox users' inboxes) and list messages.</summary>
internal static class MailApi
{
    public static void MapMailApi(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup(SandboxCatalog.MailBasePath + "messages");
        messages.MapGet("", ListAsync).RequireScope(SandboxCatalog.MailRead);
        messages.MapPost("", SendAsync).RequireScope(SandboxCatalog.MailSend);
    }

    private static async Task<IResult> ListAsync(HttpContext http, SandboxDbContext db, string? folder)
    {
        if (http.Caller() is not { IsUser: true } caller)
        {
            return SheetsApi.NeedsUser();
        }

        if (folder is not (null or SandboxMailMessage.Inbox or SandboxMailMessage.Sent))
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_folder", "folder must be 'inbox' or 'sent'; leave it out to list both.");
        }

        var list = await db.MailMessages
            .Where(m => m.OwnerId == caller.Subject && (folder == null || m.Folder == folder))
            .OrderByDescending(m => m.Id)
            .ToListAsync(http.RequestAborted);
        return Results.Ok(new { messages = list.Select(Message) });
    }

    private static async Task<IResult> SendAsync(HttpContext http, SandboxDbContext db, TimeProvider clock)
    {
        if (http.Caller() is not { IsUser: true } caller)
        {
            return SheetsApi.NeedsUser();
        }

        var (to, subject, body) = await ReadAsync(http.Request);
        if (string.IsNullOrWhiteSpace(to) || !to.Contains('@', StringComparison.Ordinal) || to.Length > 200)
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_message",
                "Give the recipient as 'to', e.g. {\"to\":\"riley@sandbox.test\",\"subject\":\"Hi\",\"body\":\"Hello\"}.");
        }

        if ((subject?.Length ?? 0) > 500 || (body?.Length ?? 0) > 20_000)
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_message",
                "The subject may have up to 500 and the body up to 20000 characters. Shorten the message and retry.");
        }

        var now = clock.GetUtcNow();
        var sent = Copy(caller.Subject, SandboxMailMessage.Sent, caller.Email!, to.Trim(), subject ?? "", body ?? "", now);
        db.MailMessages.Add(sent);
        // Addresses are stored lower-cased; invariant, as an address is not text in the user's language.
        var address = to.Trim().ToLowerInvariant();
        var recipient = await db.Users.SingleOrDefaultAsync(u => u.Email == address, http.RequestAborted);
        if (recipient is not null)
        {
            db.MailMessages.Add(Copy(recipient.Id, SandboxMailMessage.Inbox, caller.Email!, to.Trim(), subject ?? "", body ?? "", now));
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Created($"{SandboxCatalog.MailBasePath}messages/{sent.Id}", Message(sent));
    }

    private static async Task<(string? To, string? Subject, string? Body)> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (form["to"], form["subject"], form["body"]);
        }

        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return json.RootElement.ValueKind != JsonValueKind.Object
                ? (null, null, null)
                : (Text(json.RootElement, "to"), Text(json.RootElement, "subject"), Text(json.RootElement, "body"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static SandboxMailMessage Copy(string owner, string folder, string from, string to, string subject, string body, DateTimeOffset at) =>
        new() { OwnerId = owner, Folder = folder, From = from, To = to, Subject = subject, Body = body, SentAt = at };

    private static object Message(SandboxMailMessage m) =>
        new { id = m.Id, folder = m.Folder, from = m.From, to = m.To, subject = m.Subject, body = m.Body, sentAt = m.SentAt };
}
