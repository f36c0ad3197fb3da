using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>
/// The demo organisation's CRM variables, shaped like Zoho CRM v8's <c>GET /settings/variables</c>. Fixed data: the
/// Sandbox has no settings UI. (Zoho asks for the ZohoCRM.settings.variables scope; the Sandbox accepts its CRM scopes.)
/// </summary>
internal static class CrmVariables
{
    private static readonly JsonObject General = new() { ["api_name"] = "General", ["name"] = "General", ["id"] = "5843104000000070001" };

    public static IReadOnlyList<(string Id, string ApiName, string Name, string Type, string Value, string Description)> All { get; } =
    [
        ("5843104000000071001", "Support_Email", "Support Email", "email", "support@sandbox.test", "Where customer tickets are sent"),
        ("5843104000000071003", "Discount_Limit", "Discount Limit", "integer", "15", "Largest discount in percent a rep may give"),
        ("5843104000000071005", "Region", "Region", "text", "EMEA", "The sales region of this organisation"),
    ];

    public static IResult List() => CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["variables"] = new JsonArray([.. All.Select(Json)]) });

    /// <summary>One variable by id or API name; Zoho requires <c>group</c> here and so does the Sandbox.</summary>
    public static IResult Get(HttpContext http, string idOrName)
    {
        if (string.IsNullOrWhiteSpace(http.Request.Query["group"]))
        {
            return CrmErrors.MissingParameter("group");
        }

        var variable = All.FirstOrDefault(v => v.Id == idOrName || string.Equals(v.ApiName, idOrName, StringComparison.OrdinalIgnoreCase));
        if (variable.Id is null)
        {
            return CrmErrors.Answer(StatusCodes.Status400BadRequest,
                CrmJson.Error("INVALID_DATA", new JsonObject { ["resource_path_index"] = 2 }, "the variable given seems to be invalid"));
        }

        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["variables"] = new JsonArray(Json(variable)) });
    }

    private static JsonObject Json((string Id, string ApiName, string Name, string Type, string Value, string Description) v) => new()
    {
        ["api_name"] = v.ApiName,
        ["name"] = v.Name,
        ["description"] = v.Description,
        ["id"] = v.Id,
        ["type"] = v.Type,
        ["variable_group"] = General.DeepClone(),
        ["read_only"] = false,
        ["source"] = "crm",
        ["value"] = v.Value,
    };
}
