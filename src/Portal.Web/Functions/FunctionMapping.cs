using System.Text.Json;
using Portal.Scripting.Http;
using Portal.Scripting.Mail;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions;

/// <summary>JSON columns ↔ records.</summary>
internal static class FunctionMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<FunctionArgument> ReadArguments(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<FunctionArgument>>(json, Json) ?? [];

    public static string WriteArguments(IReadOnlyList<FunctionArgument> arguments) => JsonSerializer.Serialize(arguments, Json);

    public static string WriteLines(IReadOnlyList<string> lines) => JsonSerializer.Serialize(lines, Json);

    public static string WriteTrace(IReadOnlyList<HttpTraceEntry> trace) => JsonSerializer.Serialize(trace, Json);

    public static string WriteMails(IReadOnlyList<ScriptMailReceipt> mails) => JsonSerializer.Serialize(mails, Json);

    public static FunctionDetails ToDetails(FunctionEntity f, int latestVersion) => new(
        f.Id, f.Name, f.ApiName, f.Description, ReadArguments(f.ArgumentsJson), f.Code, f.OwnerUserId, f.CreatedAt, f.UpdatedAt, f.ConcurrencyStamp, latestVersion, f.Visibility);

    public static FunctionVersionSummary ToSummary(FunctionVersionEntity v) =>
        new(v.Number, v.SavedAt, v.SavedByEmail, v.Message, v.Code, ReadArguments(v.ArgumentsJson));

    public static FunctionRunRecord ToRecord(FunctionRunEntity r) => new()
    {
        Id = r.Id,
        FunctionId = r.FunctionId,
        UserId = r.UserId,
        UserEmail = r.UserEmail,
        StartedAt = r.StartedAt,
        DurationMs = r.DurationMs,
        Status = r.Status,
        Origin = r.Origin,
        Info = JsonSerializer.Deserialize<List<string>>(r.InfoJson, Json) ?? [],
        ReturnValueJson = r.ReturnValueJson,
        ErrorMessage = r.ErrorMessage,
        ErrorLine = r.ErrorLine,
        ErrorColumn = r.ErrorColumn,
        HttpTrace = JsonSerializer.Deserialize<List<HttpTraceEntry>>(r.HttpTraceJson, Json) ?? [],
        Statements = r.Statements,
        Mails = JsonSerializer.Deserialize<List<ScriptMailReceipt>>(r.MailsJson, Json) ?? [],
    };
}
