using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>One Sandbox CRM module and the rules for its standard fields; any other field is a custom field stored as given.</summary>
internal sealed record CrmModule(
    string Name,
    IReadOnlyList<string> MandatoryFields,
    IReadOnlyList<string> NumberFields,
    IReadOnlyList<string> DateFields,
    IReadOnlyDictionary<string, string> Lookups)
{
    /// <summary>The name a lookup to this record shows, like Zoho's <c>{"name","id"}</c>.</summary>
    public string DisplayName(JsonObject fields)
    {
        string Field(string name) => fields[name] is JsonValue value ? CrmValues.Text(value) ?? "" : "";
        return Name switch
        {
            "Accounts" => Field("Account_Name"),
            "Deals" => Field("Deal_Name"),
            _ => $"{Field("First_Name")} {Field("Last_Name")}".Trim(),
        };
    }
}
