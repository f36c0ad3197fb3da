using System.Net;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Crm;

/// <summary>Upsert, lead conversion, related-record updates and variables, in Zoho CRM v8's documented shapes.</summary>
public sealed class CrmActionsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string Suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Upsert_inserts_then_updates_the_record_matched_on_its_duplicate_check_field()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var email = $"upsert.{Suffix}@example.test";

        var (insertStatus, inserted) = await sam.SendAsync(HttpMethod.Post, "Leads/upsert", new { data = new[] { new { Last_Name = "First", Email = email } } });
        var (updateStatus, updated) = await sam.SendAsync(HttpMethod.Post, "Leads/upsert", new
        {
            data = new[] { new { Last_Name = "Second", Email = email } },
            duplicate_check_fields = new[] { "Email" },
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (insertStatus, updateStatus));
        var first = inserted.GetProperty("data")[0];
        Assert.Equal(["code", "duplicate_field", "action", "details", "message", "status"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("insert", JsonValueKind.Null, "record added"), (first.GetProperty("action").GetString(), first.GetProperty("duplicate_field").ValueKind, first.GetProperty("message").GetString()));
        var second = updated.GetProperty("data")[0];
        Assert.Equal(("update", "Email", "record updated"), (second.GetProperty("action").GetString(), second.GetProperty("duplicate_field").GetString(), second.GetProperty("message").GetString()));
        Assert.Equal(first.GetProperty("details").GetProperty("id").GetString(), second.GetProperty("details").GetProperty("id").GetString());
        var (_, stored) = await sam.GetAsync("Leads/" + second.GetProperty("details").GetProperty("id").GetString());
        Assert.Equal("Second", stored.GetProperty("data")[0].GetProperty("Last_Name").GetString());
    }

    [Fact]
    public async Task Converting_a_lead_answers_with_the_new_contact_account_and_deal_and_removes_the_lead()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var (_, created) = await sam.SendAsync(HttpMethod.Post, "Leads", new { data = new[] { new { Last_Name = "Convert", Company = "Conv " + Suffix } } });
        var leadId = created.GetProperty("data")[0].GetProperty("details").GetProperty("id").GetString();

        var (status, body) = await sam.SendAsync(HttpMethod.Post, $"Leads/{leadId}/actions/convert", new
        {
            data = new[] { new { overwrite = true, Deals = new { Deal_Name = "Conv deal", Stage = "Qualification" } } },
        });
        var (goneStatus, _) = await sam.GetAsync("Leads/" + leadId);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.GetProperty("data")[0];
        Assert.Equal(("SUCCESS", "Successfully converted"), (result.GetProperty("code").GetString(), result.GetProperty("message").GetString()));
        Assert.Equal(["Contacts", "Deals", "Accounts"], result.GetProperty("details").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NoContent, goneStatus);
    }

    [Fact]
    public async Task Converting_an_unknown_lead_is_zohos_invalid_data_answer()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var (status, body) = await sam.SendAsync(HttpMethod.Post, "Leads/1/actions/convert", new { data = new[] { new { overwrite = true } } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_DATA", body.GetProperty("data")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Variables_are_listed_and_read_one_by_api_name_with_the_group_zoho_requires()
    {
        using var riley = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test");

        var (listStatus, list) = await riley.GetAsync("settings/variables");
        var (oneStatus, one) = await riley.GetAsync("settings/variables/Support_Email?group=General");
        var (noGroupStatus, noGroup) = await riley.GetAsync("settings/variables/Support_Email");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (listStatus, oneStatus, noGroupStatus));
        Assert.Equal(3, list.GetProperty("variables").GetArrayLength());
        var variable = one.GetProperty("variables")[0];
        Assert.Equal(["api_name", "name", "description", "id", "type", "variable_group", "read_only", "source", "value"], variable.EnumerateObject().Select(p => p.Name));
        Assert.Equal("support@sandbox.test", variable.GetProperty("value").GetString());
        Assert.Equal("General", variable.GetProperty("variable_group").GetProperty("api_name").GetString());
        Assert.Equal("REQUIRED_PARAM_MISSING", noGroup.GetProperty("code").GetString());
    }
}
