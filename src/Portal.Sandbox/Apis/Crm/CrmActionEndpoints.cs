using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Upsert, lead conversion and related-record updates, with Zoho CRM v8's request and answer shapes.</summary>
internal static class CrmActionEndpoints
{
    /// <summary>Zoho's system duplicate-check fields, used when the request names none.</summary>
    private static readonly Dictionary<string, string[]> SystemDuplicateFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [CrmModules.Leads] = ["Email"],
        [CrmModules.Contacts] = ["Email"],
        [CrmModules.Accounts] = ["Account_Name"],
        [CrmModules.Deals] = ["Deal_Name"],
    };

    /// <summary><c>POST /{module}/upsert</c>: updates the record whose duplicate-check field matches, else inserts.</summary>
    public static async Task<IResult> UpsertAsync(HttpContext http, CrmRecordStore store, string module)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        var (body, problem) = await CrmWriteEndpoints.ReadBodyAsync(http.Request);
        if (body is null)
        {
            return problem!;
        }

        var data = (JsonArray)body["data"]!;
        if (data.Count > CrmWriteEndpoints.MaxRecordsPerCall)
        {
            return CrmErrors.TooManyRecords(CrmWriteEndpoints.MaxRecordsPerCall);
        }

        string[] checkFields = body["duplicate_check_fields"] is JsonArray named
            ? [.. named.Select(n => n?.GetValue<string>() ?? "").Where(n => n.Length > 0)]
            : SystemDuplicateFields[crmModule.Name];
        var existing = await store.ListAsync(crmModule, http.RequestAborted);
        var answers = new JsonArray();
        var anySucceeded = false;
        for (var i = 0; i < data.Count; i++)
        {
            var (matchedField, match) = FindDuplicate(data[i] as JsonObject, checkFields, existing);
            var (fields, error) = await CrmFieldRules.ApplyAsync(crmModule, data[i], match is null ? null : CrmJson.Fields(match), store, http.RequestAborted);
            if (fields is null)
            {
                answers.Add(CrmWriteEndpoints.Located(error!, i));
                continue;
            }

            anySucceeded = true;
            if (match is not null)
            {
                await store.UpdateAsync(match, fields, CrmWriteEndpoints.Author(http), http.RequestAborted);
                answers.Add(Upserted(match, "update", matchedField, "record updated"));
            }
            else
            {
                var added = (await store.AddAsync(crmModule, [fields], CrmWriteEndpoints.Author(http), http.RequestAborted))[0];
                existing.Add(added);
                answers.Add(Upserted(added, "insert", null, "record added"));
            }
        }

        return CrmErrors.Answer(anySucceeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, new JsonObject { ["data"] = answers });
    }

    /// <summary><c>POST /Leads/{id}/actions/convert</c>: a Contact and an Account (or the given ones), and a Deal when asked; the lead is removed.</summary>
    public static async Task<IResult> ConvertLeadAsync(HttpContext http, CrmRecordStore store, string id)
    {
        var leads = CrmModules.Find(CrmModules.Leads)!;
        if (!CrmReadEndpoints.TryId(id, out var leadId) || await store.FindAsync(leads, leadId, http.RequestAborted) is not { } lead)
        {
            return CrmErrors.UnknownId(id);
        }

        var (data, problem) = await CrmWriteEndpoints.ReadDataAsync(http.Request);
        if (data is null)
        {
            return problem!;
        }

        var options = data[0] as JsonObject ?? [];
        var leadFields = CrmJson.Fields(lead);
        var author = CrmWriteEndpoints.Author(http);
        var accountId = await LinkOrCreateAsync(store, CrmModules.Accounts, options["Accounts"], new JsonObject { ["Account_Name"] = Text(leadFields["Company"]) ?? Text(leadFields["Last_Name"]) }, author, http.RequestAborted);
        var contactFields = new JsonObject { ["Account_Name"] = new JsonObject { ["id"] = accountId } };
        foreach (var name in new[] { "First_Name", "Last_Name", "Email", "Phone" })
        {
            if (leadFields[name] is { } value)
            {
                contactFields[name] = value.DeepClone();
            }
        }

        var contactId = await LinkOrCreateAsync(store, CrmModules.Contacts, options["Contacts"], contactFields, author, http.RequestAborted);
        string? dealId = null;
        if (options["Deals"] is JsonObject deal)
        {
            var dealInput = deal.DeepClone().AsObject();
            dealInput["Account_Name"] = new JsonObject { ["id"] = accountId };
            dealInput["Contact_Name"] = new JsonObject { ["id"] = contactId };
            var (fields, error) = await CrmFieldRules.ApplyAsync(CrmModules.Find(CrmModules.Deals)!, dealInput, null, store, http.RequestAborted);
            if (fields is null)
            {
                return CrmErrors.Answer(StatusCodes.Status400BadRequest, new JsonObject { ["data"] = new JsonArray(error) });
            }

            dealId = Id((await store.AddAsync(CrmModules.Find(CrmModules.Deals)!, [fields], author, http.RequestAborted))[0].Id);
        }

        await store.DeleteAsync(lead, http.RequestAborted);
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["code"] = "SUCCESS",
                ["details"] = new JsonObject { ["Contacts"] = Ref(contactId), ["Deals"] = dealId is null ? null : Ref(dealId), ["Accounts"] = Ref(accountId) },
                ["message"] = "Successfully converted",
                ["status"] = "success",
            }),
        });
    }

    /// <summary><c>PUT /{module}/{id}/{relatedList}/{relatedId}</c>: links the related record to the parent and applies the given fields.</summary>
    public static async Task<IResult> UpdateRelatedAsync(HttpContext http, CrmRecordStore store, string module, string id, string relatedList, string relatedId)
    {
        if (CrmModules.Find(module) is not { } parentModule)
        {
            return CrmErrors.InvalidModule();
        }

        if (CrmModules.FindRelation(parentModule, relatedList) is not { ChildPointsAtParent: true } relation)
        {
            return CrmErrors.InvalidRelation();
        }

        var childModule = CrmModules.Find(relation.ChildModule)!;
        if (!CrmReadEndpoints.TryId(id, out var parentId) || await store.FindAsync(parentModule, parentId, http.RequestAborted) is null)
        {
            return CrmErrors.UnknownId(id);
        }

        if (!CrmReadEndpoints.TryId(relatedId, out var childId) || await store.FindAsync(childModule, childId, http.RequestAborted) is not { } child)
        {
            return CrmErrors.UnknownId(relatedId);
        }

        var (data, problem) = await CrmWriteEndpoints.ReadDataAsync(http.Request);
        if (data is null)
        {
            return problem!;
        }

        var input = data[0] is JsonObject given ? given.DeepClone().AsObject() : [];
        input[relation.LookupField] = new JsonObject { ["id"] = id };
        var (fields, error) = await CrmFieldRules.ApplyAsync(childModule, input, CrmJson.Fields(child), store, http.RequestAborted);
        if (fields is null)
        {
            return CrmErrors.Answer(StatusCodes.Status400BadRequest, new JsonObject { ["data"] = new JsonArray(CrmWriteEndpoints.Located(error!, 0)) });
        }

        await store.UpdateAsync(child, fields, CrmWriteEndpoints.Author(http), http.RequestAborted);
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject
        {
            ["data"] = new JsonArray(CrmJson.Success(new JsonObject { ["id"] = relatedId }, "relation updated")),
        });
    }

    /// <summary>The first duplicate-check field (in the order given) whose value an existing record has.</summary>
    private static (string? Field, Data.CrmRecord? Record) FindDuplicate(JsonObject? input, IReadOnlyList<string> checkFields, IReadOnlyList<Data.CrmRecord> existing)
    {
        foreach (var field in checkFields)
        {
            var value = input?[field]?.ToJsonString();
            if (value is null or "null" or "\"\"")
            {
                continue;
            }

            if (existing.FirstOrDefault(r => CrmJson.Fields(r)[field]?.ToJsonString() == value) is { } record)
            {
                return (field, record);
            }
        }

        return (null, null);
    }

    private static JsonObject Upserted(Data.CrmRecord record, string action, string? duplicateField, string message) => new()
    {
        ["code"] = "SUCCESS",
        ["duplicate_field"] = duplicateField,
        ["action"] = action,
        ["details"] = CrmJson.WriteDetails(record),
        ["message"] = message,
        ["status"] = "success",
    };

    /// <summary>An existing record given as {"id": …} (or an id), else a new one with <paramref name="fields"/>.</summary>
    private static async Task<string> LinkOrCreateAsync(CrmRecordStore store, string moduleName, JsonNode? given, JsonObject fields, Data.CrmUserRef author, CancellationToken ct)
    {
        var module = CrmModules.Find(moduleName)!;
        var givenId = given is JsonObject o ? Text(o["id"]) : Text(given);
        if (givenId is not null && CrmReadEndpoints.TryId(givenId, out var existingId) && await store.FindAsync(module, existingId, ct) is not null)
        {
            return givenId;
        }

        return Id((await store.AddAsync(module, [fields], author, ct))[0].Id);
    }

    private static JsonObject Ref(string id) => new() { ["id"] = id };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
        : null;
}
