using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Sandbox.Apis.Crm.Criteria;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>List, get, search, related lists and users.</summary>
internal static class CrmReadEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, CrmRecordStore store, string module)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        var (page, error) = CrmPage.Read(http.Request.Query);
        if (page is null)
        {
            return error!;
        }

        var records = await store.ListAsync(crmModule, http.RequestAborted);
        var (sortBy, descending) = Sort(http.Request.Query);
        var shaped = Sorted(records.Select(record => CrmJson.Record(record)), sortBy, descending);
        return page.Answer(Trimmed(shaped, http.Request.Query), new JsonObject { ["sort_by"] = sortBy, ["sort_order"] = descending ? "desc" : "asc" });
    }

    public static async Task<IResult> GetAsync(HttpContext http, CrmRecordStore store, string module, string id)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        if (!TryId(id, out var recordId) || await store.FindAsync(crmModule, recordId, http.RequestAborted) is not { } record)
        {
            return Results.NoContent();
        }

        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["data"] = new JsonArray(CrmJson.Record(record, Fields(http.Request.Query))) });
    }

    public static async Task<IResult> SearchAsync(HttpContext http, CrmRecordStore store, string module)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return CrmErrors.InvalidModule();
        }

        var (page, error) = CrmPage.Read(http.Request.Query);
        if (page is null)
        {
            return error!;
        }

        var query = http.Request.Query;
        Func<JsonObject, bool> matches;
        if (!string.IsNullOrEmpty(query["criteria"]))
        {
            try
            {
                matches = CriteriaParser.Parse(query["criteria"]).Matches;
            }
            catch (CriteriaException problem)
            {
                return CrmErrors.InvalidQuery(problem.Message);
            }
        }
        else if (!string.IsNullOrEmpty(query["email"]))
        {
            matches = Equal("Email", query["email"]!);
        }
        else if (!string.IsNullOrEmpty(query["phone"]))
        {
            matches = Equal("Phone", query["phone"]!);
        }
        else if (!string.IsNullOrWhiteSpace(query["word"]))
        {
            var word = query["word"].ToString().Trim();
            matches = record => record.Any(pair => pair.Key != CrmJson.Id
                && CrmValues.Candidates(record, pair.Key).Any(value => value.Contains(word, StringComparison.OrdinalIgnoreCase)));
        }
        else
        {
            return CrmErrors.MissingParameter("criteria");
        }

        var records = await store.ListAsync(crmModule, http.RequestAborted);
        var found = records.Select(record => CrmJson.Record(record)).Where(matches).ToList();
        return page.Answer(Trimmed(found, query));
    }

    public static async Task<IResult> RelatedAsync(HttpContext http, CrmRecordStore store, string module, string id, string relatedList)
    {
        if (CrmModules.Find(module) is not { } parentModule)
        {
            return CrmErrors.InvalidModule();
        }

        if (CrmModules.FindRelation(parentModule, relatedList) is not { } relation)
        {
            return CrmErrors.InvalidRelation();
        }

        var (page, error) = CrmPage.Read(http.Request.Query);
        if (page is null)
        {
            return error!;
        }

        if (!TryId(id, out var parentId) || await store.FindAsync(parentModule, parentId, http.RequestAborted) is not { } parent)
        {
            return CrmErrors.UnknownId(id);
        }

        var childModule = CrmModules.Find(relation.ChildModule)!;
        var children = await store.ListAsync(childModule, http.RequestAborted);
        var linkedId = relation.ChildPointsAtParent ? null : LookupId(CrmJson.Fields(parent), relation.LookupField);
        var related = children
            .Where(child => relation.ChildPointsAtParent
                ? LookupId(CrmJson.Fields(child), relation.LookupField) == id
                : child.Id.ToString(CultureInfo.InvariantCulture) == linkedId)
            .Select(child => CrmJson.Record(child))
            .ToList();
        return page.Answer(Trimmed(related, http.Request.Query));
    }

    public static async Task<IResult> UsersAsync(HttpContext http, SandboxDbContext db)
    {
        var caller = http.Caller()!;
        var type = http.Request.Query["type"].ToString();
        IEnumerable<CrmUserRef> users = string.Equals(type, "CurrentUser", StringComparison.OrdinalIgnoreCase)
            ? [CrmUsers.From(caller)]
            : (await db.Users.OrderBy(u => u.Email).ToListAsync(http.RequestAborted)).Select(CrmUsers.From);
        var list = users.Select(user =>
        {
            var (first, last) = SplitName(user.Name);
            return (JsonNode)new JsonObject
            {
                ["id"] = user.Id,
                ["full_name"] = user.Name,
                ["first_name"] = first,
                ["last_name"] = last,
                ["email"] = user.Email,
                ["status"] = "active",
            };
        });
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["users"] = new JsonArray([.. list]) });
    }

    private static Func<JsonObject, bool> Equal(string field, string value) =>
        record => CrmValues.Candidates(record, field).Any(candidate => CrmValues.AreEqual(candidate, value.Trim()));

    private static (string SortBy, bool Descending) Sort(IQueryCollection query)
    {
        var sortBy = query["sort_by"].ToString();
        var descending = string.Equals(query["sort_order"], "desc", StringComparison.OrdinalIgnoreCase);
        return (string.IsNullOrWhiteSpace(sortBy) ? CrmJson.Id : sortBy.Trim(), descending);
    }

    private static List<JsonObject> Sorted(IEnumerable<JsonObject> records, string sortBy, bool descending)
    {
        var list = records.ToList();
        list.Sort((a, b) =>
        {
            var left = CrmValues.Candidates(a, sortBy) is [var first, ..] ? first : "";
            var right = CrmValues.Candidates(b, sortBy) is [var second, ..] ? second : "";
            var order = CrmValues.Compare(left, right);
            order = order != 0 ? order : CrmValues.Compare(a[CrmJson.Id]!.GetValue<string>(), b[CrmJson.Id]!.GetValue<string>());
            return descending ? -order : order;
        });
        return list;
    }

    private static List<JsonObject> Trimmed(List<JsonObject> records, IQueryCollection query)
    {
        if (Fields(query) is not { } only)
        {
            return records;
        }

        return [.. records.Select(record => new JsonObject(record
            .Where(pair => pair.Key == CrmJson.Id || only.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            .Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone()))))];
    }

    private static string[]? Fields(IQueryCollection query)
    {
        var fields = query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length == 0 ? null : fields;
    }

    private static string? LookupId(JsonObject fields, string lookup) =>
        fields[lookup] is JsonObject link && link["id"] is JsonValue id ? CrmValues.Text(id) : null;

    private static (string First, string Last) SplitName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? ("", name) : (name[..space], name[(space + 1)..]);
    }

    internal static bool TryId(string id, out long recordId) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out recordId);
}
