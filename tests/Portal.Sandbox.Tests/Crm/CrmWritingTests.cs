using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Sandbox.Data;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Crm;

public sealed class CrmWritingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Creating_a_lead_answers_201_with_details_stamped_with_the_tokens_account()
    {
        using var riley = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test");

        var (status, body) = await riley.SendAsync(HttpMethod.Post, "Leads", new
        {
            data = new[] { new { Last_Name = "Hopper", First_Name = "Grace", Company = "Navy Labs", Favourite_Language = "COBOL" } },
            trigger = new[] { "workflow" },
        });

        Assert.Equal(HttpStatusCode.Created, status);
        var result = body.GetProperty("data")[0];
        Assert.Equal("SUCCESS", result.GetProperty("code").GetString());
        Assert.Equal("record added", result.GetProperty("message").GetString());
        Assert.Equal("success", result.GetProperty("status").GetString());
        var details = result.GetProperty("details");
        Assert.Equal(["Modified_Time", "Modified_By", "Created_Time", "id", "Created_By"], details.EnumerateObject().Select(p => p.Name));
        Assert.Equal("riley@sandbox.test", details.GetProperty("Created_By").GetProperty("email").GetString());
        Assert.Equal("Riley Chen", details.GetProperty("Modified_By").GetProperty("name").GetString());
        var (_, stored) = await riley.GetAsync("Leads/" + details.GetProperty("id").GetString());
        var lead = stored.GetProperty("data")[0];
        Assert.Equal("Navy Labs", lead.GetProperty("Company").GetString());
        Assert.Equal("COBOL", lead.GetProperty("Favourite_Language").GetString());
        Assert.Equal("riley@sandbox.test", lead.GetProperty("Owner").GetProperty("email").GetString());
        Assert.Equal(details.GetProperty("Created_Time").GetString(), lead.GetProperty("Created_Time").GetString());
        var snapshot = Assert.Single(await sandbox.Instance.GetCrmRecordsAsync("leads"), r => r.Id == details.GetProperty("id").GetString());
        Assert.Equal("riley@sandbox.test", snapshot.CreatedByEmail);
        Assert.Contains("\"Favourite_Language\":\"COBOL\"", snapshot.FieldsJson);
    }

    [Fact]
    public async Task A_missing_mandatory_field_fails_that_record_and_the_others_are_still_added()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var (allFailed, allFailedBody) = await sam.SendAsync(HttpMethod.Post, "Leads", new { data = new[] { new { First_Name = "Nameless" } } });
        var (mixed, mixedBody) = await sam.SendAsync(HttpMethod.Post, "Deals", new
        {
            data = new object[] { new { Deal_Name = "No stage" }, new { Deal_Name = "Good deal", Stage = "Qualification", Amount = 10 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, allFailed);
        Assert.Equal("""{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name","json_path":"$.data[0].Last_Name"},"message":"required field not found","status":"error"}""",
            allFailedBody.GetProperty("data")[0].GetRawText());
        Assert.Equal(HttpStatusCode.Created, mixed);
        Assert.Equal("Stage", mixedBody.GetProperty("data")[0].GetProperty("details").GetProperty("api_name").GetString());
        Assert.Equal("SUCCESS", mixedBody.GetProperty("data")[1].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"data":[{"Deal_Name":"D","Stage":"S","Amount":"lots"}]}""", "Amount")]
    [InlineData("""{"data":[{"Deal_Name":"D","Stage":"S","Closing_Date":"31/12/2026"}]}""", "Closing_Date")]
    [InlineData("""{"data":[{"Deal_Name":"D","Stage":"S","Contact_Name":{"id":"5843104000000999999"}}]}""", "Contact_Name")]
    public async Task Wrongly_typed_fields_and_dangling_lookups_are_invalid_data(string json, string field)
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var (status, body) = await sam.SendAsync(HttpMethod.Post, "Deals", new StringContent(json, Encoding.UTF8, "application/json"), "Zoho-oauthtoken");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("data")[0];
        Assert.Equal("INVALID_DATA", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("details").GetProperty("api_name").GetString());
    }

    [Fact]
    public async Task Malformed_json_or_a_missing_data_array_answers_400()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var (badJson, badJsonBody) = await sam.SendAsync(HttpMethod.Post, "Leads", new StringContent("{\"data\":[", Encoding.UTF8, "application/json"), "Zoho-oauthtoken");
        var (noData, noDataBody) = await sam.SendAsync(HttpMethod.Post, "Leads", new { records = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, badJson);
        Assert.Equal("INVALID_DATA", badJsonBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noData);
        Assert.Equal("REQUIRED_PARAM_MISSING", noDataBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Updating_keeps_other_fields_and_records_who_changed_it()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        using var riley = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test");
        var id = await sam.CreateAsync("Leads", new { Last_Name = "Shannon", First_Name = "Claude", Lead_Status = "Not Contacted" });

        var (status, body) = await riley.SendAsync(HttpMethod.Put, "Leads/" + id, new { data = new[] { new { Lead_Status = "Contacted", id } } });
        var (_, stored) = await sam.GetAsync("Leads/" + id);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.GetProperty("data")[0];
        Assert.Equal("record updated", result.GetProperty("message").GetString());
        Assert.Equal(id, result.GetProperty("details").GetProperty("id").GetString());
        var lead = stored.GetProperty("data")[0];
        Assert.Equal("Contacted", lead.GetProperty("Lead_Status").GetString());
        Assert.Equal("Claude", lead.GetProperty("First_Name").GetString());
        Assert.Equal("sam@sandbox.test", lead.GetProperty("Created_By").GetProperty("email").GetString());
        Assert.Equal("riley@sandbox.test", lead.GetProperty("Modified_By").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Updating_an_unknown_id_or_blanking_a_mandatory_field_answers_400()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var id = await sam.CreateAsync("Accounts", new { Account_Name = "Initech" });

        var (unknown, unknownBody) = await sam.SendAsync(HttpMethod.Put, "Leads/5843104000000999999", new { data = new[] { new { Last_Name = "X" } } });
        var (blank, blankBody) = await sam.SendAsync(HttpMethod.Put, "Accounts/" + id, new { data = new[] { new { Account_Name = "" } } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("""{"data":[{"code":"INVALID_DATA","details":{"id":"5843104000000999999"},"message":"the related id given seems to be invalid","status":"error"}]}""", unknownBody.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.Equal("MANDATORY_NOT_FOUND", blankBody.GetProperty("data")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Deleting_removes_the_record_and_a_second_delete_is_invalid_data()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var id = await sam.CreateAsync("Contacts", new { Last_Name = "Temporary" });

        var (deleted, deletedBody) = await sam.SendAsync(HttpMethod.Delete, "Contacts/" + id);
        var (afterwards, _) = await sam.GetAsync("Contacts/" + id);
        var (again, againBody) = await sam.SendAsync(HttpMethod.Delete, "Contacts/" + id);

        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal($$"""{"data":[{"code":"SUCCESS","details":{"id":"{{id}}"},"message":"record deleted","status":"success"}]}""", deletedBody.GetRawText());
        Assert.Equal(HttpStatusCode.NoContent, afterwards);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("INVALID_DATA", againBody.GetProperty("data")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_deal_created_with_lookups_shows_up_in_the_related_lists_of_its_contact_and_account()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var account = await sam.CreateAsync("Accounts", new { Account_Name = "Umbrella Corp" });
        var contact = await sam.CreateAsync("Contacts", new { Last_Name = "Wesker", First_Name = "Albert", Account_Name = new { id = account } });
        var deal = await sam.CreateAsync("Deals", new
        {
            Deal_Name = "Vaccine Trial",
            Stage = "Qualification",
            Amount = 99000.5,
            Closing_Date = "2027-04-01",
            Account_Name = new { id = account },
            Contact_Name = new { id = contact },
        });

        var (_, contactDeals) = await sam.GetAsync($"Contacts/{contact}/Deals");
        var (_, dealContacts) = await sam.GetAsync($"Deals/{deal}/Contacts");
        var (_, accountContacts) = await sam.GetAsync($"Accounts/{account}/Contacts");

        var storedDeal = Assert.Single(contactDeals.GetProperty("data").EnumerateArray());
        Assert.Equal(deal, storedDeal.GetProperty("id").GetString());
        Assert.Equal("Albert Wesker", storedDeal.GetProperty("Contact_Name").GetProperty("name").GetString());
        Assert.Equal("Umbrella Corp", storedDeal.GetProperty("Account_Name").GetProperty("name").GetString());
        Assert.Equal(99000.5m, storedDeal.GetProperty("Amount").GetDecimal());
        Assert.Equal(contact, Assert.Single(dealContacts.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(contact, Assert.Single(accountContacts.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_ids()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var ids = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => sam.CreateAsync("Leads", new { Last_Name = $"Parallel {i}" })));

        Assert.Equal(8, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) >= 5843104000000500001));
    }

    [Fact]
    public async Task Records_persist_across_a_restart_and_the_demo_data_is_not_seeded_twice()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var id = await sam.CreateAsync("Leads", new { Last_Name = "Persistent" });
        var before = await CountAsync(sam, "Leads");

        await sandbox.RestartAsync();
        var (status, _) = await sam.GetAsync("Leads/" + id);
        var after = await CountAsync(sam, "Leads");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_database_from_before_sandbox_crm_gets_the_crm_table_and_demo_data_on_the_next_start()
    {
        await using (var scope = sandbox.Instance.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SandboxDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"CrmRecords\"");
        }

        await sandbox.RestartAsync();
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        var leads = await CountAsync(sam, "Leads");

        Assert.Equal(23, leads);
    }

    private static async Task<int> CountAsync(CrmCalls crm, string module)
    {
        var (_, body) = await crm.GetAsync(module + "?per_page=200");
        return body.GetProperty("info").GetProperty("count").GetInt32();
    }
}
