using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Create, update and delete; every change is stamped with the token's Sandbox account.</summary>
internal static class CrmWriteEndpoints
{
    /// <summary>Zoho's limit of records per insert call.</summary>
    public const int MaxRecordsPerCall = 100;

    public static async Task<IResult> CreateAsync(HttpContext http, CrmRecordStore store, string module)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        var (data, problem) = await ReadDataAsync(http.Request);
        if (data is null)
        {
            return problem!;
        }

        if (data.Count > MaxRecordsPerCall)
        {
            return CrmErrors.TooManyRecords(MaxRecordsPerCall);
        }

        var answers = new JsonObject?[data.Count];
        var accepted = new List<(int Index, JsonObject Fields)>();
        for (var i = 0; i < data.Count; i++)
        {
            var (fields, error) = await CrmFieldRules.ApplyAsync(crmModule, data[i], existing: null, store, http.RequestAborted);
            if (fields is null)
            {
                answers[i] = Located(error!, i);
            }
            else
            {
                accepted.Add((i, fields));
            }
        }

        var added = await store.AddAsync(crmModule, [.. accepted.Select(a => a.Fields)], Author(http), http.RequestAborted);
        for (var i = 0; i < added.Count; i++)
        {
            answers[accepted[i].Index] = CrmJson.Success(CrmJson.WriteDetails(added[i]), "record added");
        }

        var status = added.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status400BadRequest;
        return CrmErrors.Answer(status, new JsonObject { ["data"] = new JsonArray([.. answers]) });
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, CrmRecordStore store, string module, string id)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        var (data, problem) = await ReadDataAsync(http.Request);
        if (data is null)
        {
            return problem!;
        }

        if (!CrmReadEndpoints.TryId(id, out var recordId) || await store.FindAsync(crmModule, recordId, http.RequestAborted) is not { } record)
        {
            return CrmErrors.UnknownId(id);
        }

        var (fields, error) = await CrmFieldRules.ApplyAsync(crmModule, data[0], CrmJson.Fields(record), store, http.RequestAborted);
        if (fields is null)
        {
            return CrmErrors.Answer(StatusCodes.Status400BadRequest, new JsonObject { ["data"] = new JsonArray(Located(error!, 0)) });
        }

        await store.UpdateAsync(record, fields, Author(http), http.RequestAborted);
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject
        {
            ["data"] = new JsonArray(CrmJson.Success(CrmJson.WriteDetails(record), "record updated")),
        });
    }

    public static async Task<IResult> DeleteAsync(HttpContext http, CrmRecordStore store, string module, string id)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        if (!CrmReadEndpoints.TryId(id, out var recordId) || await store.FindAsync(crmModule, recordId, http.RequestAborted) is not { } record)
        {
            return CrmErrors.UnknownId(id);
        }

        await store.DeleteAsync(record, http.RequestAborted);
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject
        {
            ["data"] = new JsonArray(CrmJson.Success(new JsonObject { ["id"] = id }, "record deleted")),
        });
    }

    internal static CrmUserRef Author(HttpContext http) => CrmUsers.From(http.Caller()!);

    /// <summary>Adds Zoho's <c>json_path</c> so a client can tell which entry of <c>data</c> failed.</summary>
    internal static JsonObject Located(JsonObject error, int index)
    {
        if (error["details"] is JsonObject details && details["api_name"] is JsonValue field)
        {
            details["json_path"] = $"$.data[{index}].{field}";
        }

        return error;
    }

    /// <returns>The non-empty <c>data</c> array, or the 400 answer for a malformed body.</returns>
    internal static async Task<(JsonArray? Data, IResult? Problem)> ReadDataAsync(HttpRequest request)
    {
        var (body, problem) = await ReadBodyAsync(request);
        return body is null ? (null, problem) : ((JsonArray)body["data"]!, null);
    }

    /// <returns>The whole body with a non-empty <c>data</c> array (upsert also reads duplicate_check_fields), or the 400 answer.</returns>
    internal static async Task<(JsonObject? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, CrmErrors.InvalidJson());
        }

        if (body is not JsonObject root)
        {
            return (null, CrmErrors.InvalidJson());
        }

        return root["data"] is JsonArray { Count: > 0 } ? (root, null) : (null, CrmErrors.MissingParameter("data"));
    }
}
