using System.Text.Json;
using Portal.Scripting.Mail;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Api;

/// <summary>One row of GET /api/v1/functions/{api_name}/runs; the HTTP trace is left out (it is in the editor), the mails sent are listed.</summary>
internal sealed record FunctionRunApiModel(
    long Id,
    string UserId,
    string? UserEmail,
    DateTimeOffset StartedAt,
    long DurationMs,
    FunctionRunStatus Status,
    FunctionRunOrigin Origin,
    IReadOnlyList<string> Info,
    JsonElement? Output,
    string? ErrorMessage,
    int? ErrorLine,
    IReadOnlyList<ScriptMailReceipt> Mails)
{
    public static FunctionRunApiModel From(FunctionRunRecord r) => new(
        r.Id, r.UserId, r.UserEmail, r.StartedAt, r.DurationMs, r.Status, r.Origin, r.Info,
        r.ReturnValueJson is null ? null : Parse(r.ReturnValueJson),
        r.ErrorMessage, r.ErrorLine, r.Mails);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
