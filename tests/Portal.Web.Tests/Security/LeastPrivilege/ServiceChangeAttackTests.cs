using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Web.Audit;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.Tests.Security.LeastPrivilege;

/// <summary>
/// Issue 15 F2 as the red team ran it: alice may not edit the admin's custom service, and moving a key from a header into the
/// body deletes every stored key of the service, so Sandbox Echo never shows it (SEC-34).
/// </summary>
public sealed class ServiceChangeAttackTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    private const string CorpKey = "corp-key-3f9a1c77e2b54d10";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    // SEC-34
    [Fact]
    public async Task Alice_cannot_change_the_admins_service_and_its_edit_page_does_not_open_for_her()
    {
        var service = await CorpApiAsync("corp_api_edit", "corp_conn_edit");
        using var browser = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(browser, FunctionsApiClient.Alice, Portal.Web.Identity.DemoAccounts.Password);
        var catalog = factory.Services.GetRequiredService<IServiceCatalog>();

        var page = await browser.GetStringAsync("/connections/services/corp_api_edit/edit");
        var edit = await catalog.UpdateCustomAsync(MoveKeyToForm(service), null, null, true, await Attackers.ConnectionsUserAsync(factory, FunctionsApiClient.Alice));
        var delete = await catalog.DeleteCustomAsync("corp_api_edit", await Attackers.ConnectionsUserAsync(factory, FunctionsApiClient.Alice));

        Assert.Contains("data-testid=\"svc-refused\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"svc-save\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"svc-base-urls\"", page, StringComparison.Ordinal);
        Assert.True(edit.Refused);
        Assert.Contains("Only the person who created the custom service 'corp_api_edit' and admins can change it", edit.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(delete.Refused);
        Assert.Equal(CredentialLocation.Header, (await catalog.FindAsync("corp_api_edit"))!.Descriptor.ApiKeyParameters[0].Location);
        var refused = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Action: "service.edit_refused", Target: "corp_api_edit"));
        Assert.Equal(2, refused.Count);
        Assert.All(refused, e => Assert.Equal(FunctionsApiClient.Alice, e.ActorEmail));
    }

    // SEC-34: the red team's echo, run by the admin after the admin himself moved the key: it must never come back.
    [Fact]
    public async Task Moving_the_key_from_a_header_to_a_form_field_deletes_the_stored_key_and_echo_never_shows_it()
    {
        var service = await CorpApiAsync("corp_api_move", "corp_conn_move");
        var admin = await Attackers.ConnectionsUserAsync(factory, PortalWebFactory.AdminEmail);
        using var adminApi = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var echo = await FunctionsApiClient.DeployAsync(adminApi, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/echo/x" type: POST parameters: {"a":"b"} connection: "corp_conn_move" ];
            return r;
            """);
        var before = await Attackers.ExecuteAsync(adminApi, echo);

        var edit = await factory.Services.GetRequiredService<IServiceCatalog>().UpdateCustomAsync(MoveKeyToForm(service), null, null, true, admin);
        var after = await Attackers.ExecuteAsync(adminApi, echo);
        var connection = await adminApi.GetFromJsonAsync<JsonElement>("/api/v1/connections/corp_conn_move");

        Assert.Equal(200, before.Status);
        Assert.True(edit.Succeeded);
        Assert.Equal(1, edit.InvalidatedAuthorizations);
        Assert.Contains("API key parameters", edit.CredentialChanges);
        Assert.Equal(nameof(AuthorizationStatus.NeedsReauthorization), connection.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(400, after.Status);
        Assert.Contains("needs to be authorized again", Attackers.Message(after.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(CorpKey, after.Body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(CorpKey, JsonSerializer.Serialize(await Attackers.LastRunAsync(factory, echo)), StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Action: "service.tokens_invalidated", Target: "corp_api_move"));
        Assert.Contains("API key parameters changed: 1 stored credential(s) deleted", Assert.Single(audit).Details, StringComparison.Ordinal);
    }

    // SEC-34: every part of where or how a credential travels counts; a new display name does not.
    [Theory]
    [InlineData("name")]
    [InlineData("format")]
    [InlineData("baseUrl")]
    [InlineData("authType")]
    [InlineData("label")]
    public async Task Each_change_to_where_the_key_goes_invalidates_it_and_cosmetic_ones_do_not(string change)
    {
        var id = $"corp_api_{change.ToLowerInvariant()}";
        var service = await CorpApiAsync(id, $"corp_conn_{change.ToLowerInvariant()}");
        var key = service.ApiKeyParameters[0];
        var edited = change switch
        {
            "name" => service with { ApiKeyParameters = [key with { Name = "X-Corp-Token" }] },
            "format" => service with { ApiKeyParameters = [key with { Format = "Key {value}" }] },
            "baseUrl" => service with { AllowedApiBaseUrls = [.. service.AllowedApiBaseUrls, $"{factory.SandboxUrl}/api/weather/"] },
            "authType" => service with { AuthType = ServiceAuthType.Basic, ApiKeyParameters = [] },
            _ => service with { ApiKeyParameters = [key with { Label = "Corporate key" }], DisplayName = "Corp API (renamed)" },
        };

        var result = await factory.Services.GetRequiredService<IServiceCatalog>().UpdateCustomAsync(edited, null, null, true, await Attackers.ConnectionsUserAsync(factory, PortalWebFactory.AdminEmail));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(change == "label" ? 0 : 1, result.InvalidatedAuthorizations);
    }

    // SEC-34: a Developer's own custom service stays hers to change.
    [Fact]
    public async Task Alice_changes_her_own_custom_service()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var created = await alice.PostAsJsonAsync("/api/v1/services", new { service = Descriptor("alice_api") }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var result = await factory.Services.GetRequiredService<IServiceCatalog>().UpdateCustomAsync(
            Descriptor("alice_api") with { DisplayName = "Alice API" }, null, null, true, await Attackers.ConnectionsUserAsync(factory, FunctionsApiClient.Alice));

        Assert.True(result.Succeeded);
        Assert.Equal("Alice API", (await factory.Services.GetRequiredService<IServiceCatalog>().FindAsync("alice_api"))!.Descriptor.DisplayName);
    }

    private ServiceDescriptor Descriptor(string id) => new()
    {
        Id = id,
        DisplayName = "Corp API",
        Category = "Other",
        AuthType = ServiceAuthType.ApiKey,
        ApiKeyParameters = [new ApiKeyParameter { Name = "X-Corp-Key", Location = CredentialLocation.Header, Label = "Key" }],
        AllowedApiBaseUrls = [$"{factory.SandboxUrl}/api/echo/"],
    };

    private static ServiceDescriptor MoveKeyToForm(ServiceDescriptor d) => d with { ApiKeyParameters = [d.ApiKeyParameters[0] with { Location = CredentialLocation.Form }] };

    /// <summary>The admin's API-key service with the key in header X-Corp-Key, an owner connection to it and the key stored — all through the API.</summary>
    private async Task<ServiceDescriptor> CorpApiAsync(string serviceId, string link)
    {
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/services", new { service = Descriptor(serviceId) }, Json);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await Attackers.CreateConnectionAsync(factory, PortalWebFactory.AdminEmail, link, serviceId);
        // The authorize endpoint reads a body only when it has a length, so no chunked JSON.
        using var key = new StringContent(JsonSerializer.Serialize(new { apiKey = new Dictionary<string, string> { ["X-Corp-Key"] = CorpKey } }), System.Text.Encoding.UTF8, "application/json");
        var authorized = await admin.PostAsync($"/api/v1/connections/{link}/authorize", key);
        Assert.True(authorized.IsSuccessStatusCode, await authorized.Content.ReadAsStringAsync());
        return Descriptor(serviceId);
    }
}
