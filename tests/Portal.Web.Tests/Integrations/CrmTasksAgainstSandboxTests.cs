using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Variables;

namespace Portal.Web.Tests.Integrations;

/// <summary>Acceptance 7: the zoho.crm tasks real scripts call beyond the basic seven, run against the real Sandbox CRM.</summary>
public sealed class CrmTasksAgainstSandboxTests(CrmIntegrationFixture fixture) : IClassFixture<CrmIntegrationFixture>
{
    private static readonly string Suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task BulkCreate_makes_every_record_and_upsert_updates_by_email_or_inserts()
    {
        var run = await fixture.RunAsync(fixture.Bob, "upsert_and_bulk.dg", ("suffix", Suffix));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.Equal(2, result.GetProperty("bulk").GetInt32());
        Assert.Equal("SUCCESS", result.GetProperty("bulkCode").GetString());
        Assert.Equal("update", result.GetProperty("updateAction").GetString());
        Assert.Equal("Email", result.GetProperty("updateField").GetString());
        Assert.Equal(result.GetProperty("bulkFirstId").GetString(), result.GetProperty("updatedId").GetString());
        Assert.Equal("insert", result.GetProperty("insertAction").GetString());
        var leads = await fixture.Sandbox.GetCrmRecordsAsync("Leads");
        var ada = Assert.Single(leads, r => r.FieldsJson.Contains($"ada.{Suffix}@example.test", StringComparison.Ordinal));
        Assert.Contains("\"Lead_Status\":\"Contacted\"", ada.FieldsJson, StringComparison.Ordinal);
        Assert.Contains("\"Company\":\"Analytical\"", ada.FieldsJson, StringComparison.Ordinal);
        Assert.Single(leads, r => r.Id == result.GetProperty("insertedId").GetString());
    }

    [Fact]
    public async Task ConvertLead_turns_a_lead_into_a_contact_an_account_and_a_deal()
    {
        var run = await fixture.RunAsync(fixture.Bob, "convert_lead.dg", ("suffix", Suffix));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.Equal($"katherine.{Suffix}@example.test", result.GetProperty("contactEmail").GetString());
        Assert.Equal(result.GetProperty("accountId").GetString(), result.GetProperty("contactAccount").GetString());
        Assert.True(result.GetProperty("leadGone").GetBoolean());
        var account = Assert.Single(await fixture.Sandbox.GetCrmRecordsAsync("Accounts"), r => r.Id == result.GetProperty("accountId").GetString());
        Assert.Contains($"\"Account_Name\":\"Langley {Suffix}\"", account.FieldsJson, StringComparison.Ordinal);
        var deal = Assert.Single(await fixture.Sandbox.GetCrmRecordsAsync("Deals"), r => r.Id == result.GetProperty("dealId").GetString());
        Assert.Contains($"\"Deal_Name\":\"Orbit {Suffix}\"", deal.FieldsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateRelatedRecord_links_a_deal_to_a_contact_and_changes_its_fields()
    {
        var run = await fixture.RunAsync(fixture.Bob, "related_update.dg", ("suffix", Suffix));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.Equal("SUCCESS", result.GetProperty("code").GetString());
        Assert.Equal(1, result.GetProperty("related").GetInt32());
        Assert.Equal(result.GetProperty("linkedId").GetString(), result.GetProperty("relatedId").GetString());
        Assert.Equal("Negotiation/Review", result.GetProperty("stage").GetString());
        Assert.Contains(run.HttpTrace, t => t.Method == "PUT" && t.Url.Contains("/crm/v8/Contacts/", StringComparison.Ordinal) && t.Url.Contains("/Deals/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOrgVariable_reads_the_portals_variables_first_then_the_crms()
    {
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IOrgVariables>().SaveAsync("Region", "APAC", "overrides the CRM's", fixture.Admin));
        }

        var run = await fixture.RunAsync(fixture.Bob, "org_variables.dg");

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.Equal("support@sandbox.test", result.GetProperty("support").GetString());
        Assert.Equal("APAC", result.GetProperty("region").GetString());
        Assert.Equal("INVALID_DATA", result.GetProperty("missing").GetString());
        Assert.Contains(run.HttpTrace, t => t.Url.EndsWith("/crm/v8/settings/variables/Support_Email?group=General", StringComparison.Ordinal));
        Assert.DoesNotContain(run.HttpTrace, t => t.Url.Contains("/variables/Region", StringComparison.Ordinal));
        Assert.Equal($"admin ({PortalWebFactory.AdminEmail}) via integration zoho.crm", run.HttpTrace[0].RanAs);
    }
}
