using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Zoho-shaped error answers; the code and message are what Zoho clients match on, <c>details</c> says what to fix.</summary>
internal static class CrmErrors
{
    public static IResult InvalidToken() => Answer(StatusCodes.Status401Unauthorized,
        CrmJson.Error("INVALID_TOKEN", [], "invalid oauth token"));

    public static IResult ScopeMismatch() => Answer(StatusCodes.Status401Unauthorized,
        CrmJson.Error("OAUTH_SCOPE_MISMATCH", [], "invalid oauth scope to access this URL"));

    public static IResult InvalidModule() => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("INVALID_MODULE", new JsonObject { ["resource_path_index"] = 0 }, "the module name given seems to be invalid"));

    public static IResult InvalidRelation() => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("INVALID_DATA", new JsonObject { ["resource_path_index"] = 2 }, "the relation name given seems to be invalid"));

    public static IResult InvalidJson() => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("INVALID_DATA", new JsonObject { ["expected_data_type"] = "jsonobject" },
            "body is not valid JSON; send {\"data\":[{\"Last_Name\":\"...\"}]}"));

    public static IResult MissingParameter(string parameter) => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("REQUIRED_PARAM_MISSING", new JsonObject { ["param"] = parameter }, "One of the expected parameter is missing"));

    public static IResult InvalidParameter(string parameter, string hint) => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("INVALID_DATA", new JsonObject { ["param"] = parameter, ["hint"] = hint }, "the value given for " + parameter + " seems to be invalid"));

    public static IResult InvalidQuery(string reason) => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("INVALID_QUERY", new JsonObject { ["reason"] = reason }, "invalid query formed"));

    public static IResult TooManyRecords(int limit) => Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("LIMIT_EXCEEDED", new JsonObject { ["limit"] = limit }, $"send at most {limit} records in one request"));

    public static IResult UrlPattern() => Answer(StatusCodes.Status404NotFound,
        CrmJson.Error("INVALID_URL_PATTERN", [], "Please check if the URL trying to access is a correct one"));

    /// <summary>Unknown id on update or delete; wrapped in <c>data</c> like Zoho's per-record answers.</summary>
    public static IResult UnknownId(string id) => Answer(StatusCodes.Status400BadRequest, new JsonObject
    {
        ["data"] = new JsonArray(UnknownIdEntry(id)),
    });

    public static JsonObject UnknownIdEntry(string id) =>
        CrmJson.Error("INVALID_DATA", new JsonObject { ["id"] = id }, "the related id given seems to be invalid");

    public static IResult Answer(int status, JsonNode body) => Results.Json(body, statusCode: status);
}
