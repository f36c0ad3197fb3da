using System.Net;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Crm;

/// <summary>Read-only calls against the seeded demo organisation (no test in this class writes).</summary>
public sealed class CrmReadingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Leads_come_in_pages_until_more_records_is_false()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        var ids = new List<string>();
        var pages = new List<JsonElement>();

        var page = 1;
        while (true)
        {
            var (status, body) = await crm.GetAsync($"Leads?page={page}&per_page=10");
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add(body.GetProperty("info"));
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(record => record.GetProperty("id").GetString()!));
            if (!body.GetProperty("info").GetProperty("more_records").GetBoolean())
            {
                break;
            }

            page++;
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal([10, 10, 3], pages.Select(info => info.GetProperty("count").GetInt32()));
        Assert.All(pages, info => Assert.Equal(10, info.GetProperty("per_page").GetInt32()));
        Assert.Equal([1, 2, 3], pages.Select(info => info.GetProperty("page").GetInt32()));
        Assert.Equal(23, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_page_past_the_last_record_answers_204_without_a_body()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Leads?page=4&per_page=10");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(JsonValueKind.Undefined, body.ValueKind);
    }

    [Fact]
    public async Task Seeded_modules_hold_the_documented_counts_and_module_names_ignore_case()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var counts = new Dictionary<string, int>();
        foreach (var module in new[] { "leads", "CONTACTS", "Accounts", "Deals" })
        {
            var (_, body) = await crm.GetAsync(module + "?per_page=200");
            counts[module] = body.GetProperty("info").GetProperty("count").GetInt32();
        }

        Assert.Equal(new Dictionary<string, int> { ["leads"] = 23, ["CONTACTS"] = 8, ["Accounts"] = 4, ["Deals"] = 6 }, counts);
    }

    [Fact]
    public async Task A_record_is_read_by_id_with_owner_times_and_users_and_an_unknown_id_answers_204()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test", CrmCalls.ReadScope);
        var ada = await SearchOneAsync(crm, "Leads/search?email=ada@example.test");

        var (status, body) = await crm.GetAsync("Leads/" + ada.GetProperty("id").GetString());
        var (unknownStatus, _) = await crm.GetAsync("Leads/5843104000000999999");

        Assert.Equal(HttpStatusCode.OK, status);
        var lead = body.GetProperty("data")[0];
        Assert.Equal("Lovelace", lead.GetProperty("Last_Name").GetString());
        Assert.Equal("Analytical Engines", lead.GetProperty("Company").GetString());
        Assert.Matches(@"^\d{19}$", lead.GetProperty("id").GetString()!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", lead.GetProperty("Created_Time").GetString()!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", lead.GetProperty("Modified_Time").GetString()!);
        Assert.Equal("sam@sandbox.test", lead.GetProperty("Owner").GetProperty("email").GetString());
        Assert.Equal("Sam Rivera", lead.GetProperty("Created_By").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, unknownStatus);
    }

    [Theory]
    [InlineData("Leads", "(Last_Name:equals:Lovelace)", new[] { "Lovelace" })]
    [InlineData("Leads", "((Last_Name:equals:Lovelace)and(Company:starts_with:Ana))", new[] { "Lovelace" })]
    [InlineData("Leads", "((Last_Name:equals:Lovelace)or(Last_Name:equals:Knuth))", new[] { "Lovelace", "Knuth" })]
    [InlineData("Leads", "((Lead_Status:equals:Qualified)and((Lead_Source:equals:Trade Show)or(Lead_Source:equals:Cold Call)))", new[] { "Babbage", "Lamport", "Goldberg" })]
    [InlineData("Leads", "(Last_Name:in:Lovelace,Knuth,Nobody)", new[] { "Lovelace", "Knuth" })]
    [InlineData("Contacts", "(Account_Name:equals:Northwind Health)", new[] { "Fischer", "Tanaka" })]
    public async Task Search_criteria_with_equals_starts_with_in_and_or_and_nesting_finds_the_right_records(string module, string criteria, string[] lastNames)
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync($"{module}/search?criteria={Uri.EscapeDataString(criteria)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(lastNames.Order(), body.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("Last_Name").GetString()).Order());
        Assert.False(body.GetProperty("info").GetProperty("more_records").GetBoolean());
    }

    [Fact]
    public async Task Deals_search_compares_amounts_as_numbers_and_a_search_without_hits_answers_204()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Deals/search?criteria=" + Uri.EscapeDataString("(Amount:greater_than:20000)"));
        var (noneStatus, _) = await crm.GetAsync("Leads/search?criteria=" + Uri.EscapeDataString("(Last_Name:equals:Nobody)"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([23000m, 31000m, 42000m], body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("Amount").GetDecimal()).Order());
        Assert.Equal(HttpStatusCode.NoContent, noneStatus);
    }

    [Theory]
    [InlineData("(Last_Name:equals:Lovelace")]
    [InlineData("(Last_Name:equal:Lovelace)")]
    [InlineData("Last_Name:equals:Lovelace")]
    [InlineData("((Last_Name:equals:Lovelace)xor(Company:equals:x))")]
    public async Task Malformed_criteria_answers_400_invalid_query_with_a_reason(string criteria)
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Leads/search?criteria=" + Uri.EscapeDataString(criteria));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_QUERY", body.GetProperty("code").GetString());
        Assert.Equal("invalid query formed", body.GetProperty("message").GetString());
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.StartsWith("At position ", body.GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Related_lists_link_deals_contacts_and_accounts_both_ways()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        var grace = await SearchOneAsync(crm, "Contacts/search?email=grace.hopper@engines.example.test");
        var carlos = await SearchOneAsync(crm, "Contacts/search?word=Mendes");
        var deal = await SearchOneAsync(crm, "Deals/search?criteria=" + Uri.EscapeDataString("(Deal_Name:equals:Fleet Tracking Rollout)"));
        var account = await SearchOneAsync(crm, "Accounts/search?criteria=" + Uri.EscapeDataString("(Account_Name:starts_with:Harbor)"));

        var (_, gracesDeals) = await crm.GetAsync($"Contacts/{grace.GetProperty("id").GetString()}/Deals");
        var (_, dealsContacts) = await crm.GetAsync($"Deals/{deal.GetProperty("id").GetString()}/Contacts");
        var (_, accountContacts) = await crm.GetAsync($"Accounts/{account.GetProperty("id").GetString()}/Contacts");
        var (_, accountDeals) = await crm.GetAsync($"Accounts/{account.GetProperty("id").GetString()}/deals");
        var (carlosStatus, _) = await crm.GetAsync($"Contacts/{carlos.GetProperty("id").GetString()}/Deals");
        var (badListStatus, badList) = await crm.GetAsync($"Contacts/{grace.GetProperty("id").GetString()}/Invoices");

        Assert.Equal(["Difference Engine Upgrade"], Names(gracesDeals, "Deal_Name"));
        Assert.Equal(["Jackson"], Names(dealsContacts, "Last_Name"));
        Assert.Equal(["Jackson", "Mendes"], Names(accountContacts, "Last_Name").Order());
        Assert.Equal(["Fleet Tracking Rollout", "Warehouse Sensors"], Names(accountDeals, "Deal_Name").Order());
        Assert.Equal(grace.GetProperty("id").GetString(), gracesDeals.GetProperty("data")[0].GetProperty("Contact_Name").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, carlosStatus);
        Assert.Equal(HttpStatusCode.BadRequest, badListStatus);
        Assert.Equal("INVALID_DATA", badList.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_module_answers_400_invalid_module()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Invoices");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_MODULE", body.GetProperty("code").GetString());
        Assert.Equal(0, body.GetProperty("details").GetProperty("resource_path_index").GetInt32());
        Assert.Equal("the module name given seems to be invalid", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Fields_and_sorting_shape_the_list()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (_, body) = await crm.GetAsync("Leads?fields=Last_Name,Email&sort_by=Modified_Time&sort_order=desc&per_page=2");

        var first = body.GetProperty("data")[0];
        Assert.Equal(["Email", "Last_Name", "id"], first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Easley", first.GetProperty("Last_Name").GetString());
        Assert.True(body.GetProperty("info").GetProperty("more_records").GetBoolean());
    }

    [Fact]
    public async Task A_bad_page_size_answers_400_naming_the_parameter()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Leads?per_page=500");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("per_page", body.GetProperty("details").GetProperty("param").GetString());
    }

    private static async Task<JsonElement> SearchOneAsync(CrmCalls crm, string path)
    {
        var (status, body) = await crm.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return Assert.Single(body.GetProperty("data").EnumerateArray());
    }

    private static IEnumerable<string?> Names(JsonElement list, string field) =>
        list.GetProperty("data").EnumerateArray().Select(r => r.GetProperty(field).GetString());
}
