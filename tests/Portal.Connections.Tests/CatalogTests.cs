using Portal.Connections.Catalog;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class CatalogTests
{
    private static readonly string[] Ids =
        ["google_sheets", "google_drive", "gmail", "github", "slack", "microsoft_365", "salesforce", "hubspot", "zoho_crm", "dropbox"];

    public static TheoryData<string> DefaultServiceIds() => new(Ids);

    [Theory]
    [MemberData(nameof(DefaultServiceIds))]
    public void Every_catalogue_entry_passes_validation_and_has_five_described_scopes(string id)
    {
        var entry = CatalogLoader.LoadEmbedded().Single(s => s.Id == id);
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(new ConnectionsOptions()));

        var errors = validator.Validate(entry, []);

        Assert.Empty(errors);
        Assert.True(entry.Scopes.Count >= 5, $"{id} has only {entry.Scopes.Count} scopes");
        Assert.All(entry.Scopes, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.StartsWith("https://", entry.DocsUrl);
        Assert.NotEmpty(entry.AllowedApiBaseUrls);
        Assert.False(string.IsNullOrWhiteSpace(entry.Category));
        Assert.NotNull(CatalogLoader.LoadLogo(entry.Logo!.Split('/')[^1]));
    }

    [Theory]
    [MemberData(nameof(DefaultServiceIds))]
    public void Every_provider_with_a_get_identity_endpoint_has_a_credential_test_url_its_credentials_may_be_sent_to(string id)
    {
        var entry = CatalogLoader.LoadEmbedded().Single(s => s.Id == id);

        // Dropbox's account endpoints answer POST only, so it has no GET to check a token with.
        if (id == "dropbox")
        {
            Assert.Null(entry.TestRequestUrl);
            return;
        }

        Assert.NotNull(entry.TestRequestUrl);
        Assert.Contains(entry.AllowedApiBaseUrls, b => entry.TestRequestUrl.StartsWith(b, StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_url_outside_the_api_base_urls_is_rejected_because_it_would_carry_the_credential_elsewhere_SEC_12()
    {
        var entry = CatalogLoader.LoadEmbedded().Single(s => s.Id == "github") with { TestRequestUrl = "https://attacker.example/collect" };
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(new ConnectionsOptions()));

        var errors = validator.Validate(entry, []);

        Assert.Contains(errors, e => e.Field == "testRequestUrl");
    }

    [Fact]
    public void Embedded_catalogue_holds_exactly_the_ten_default_services()
    {
        var ids = CatalogLoader.LoadEmbedded().Select(s => s.Id).Order().ToList();

        Assert.Equal(Ids.Order(), ids);
    }

    [Fact]
    public void Google_entries_request_offline_access_and_consent_as_separate_parameters()
    {
        var google = CatalogLoader.LoadEmbedded().Where(s => s.AuthorizeUrl!.Contains("accounts.google.com", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, google.Count);
        Assert.All(google, g =>
        {
            Assert.Equal("offline", g.ExtraAuthorizeParameters["access_type"]);
            Assert.Equal("consent", g.ExtraAuthorizeParameters["prompt"]);
        });
    }

    [Fact]
    public void Zoho_uses_its_own_header_format_and_comma_separated_scopes()
    {
        var zoho = CatalogLoader.LoadEmbedded().Single(s => s.Id == "zoho_crm");

        Assert.Equal("Zoho-oauthtoken {token}", zoho.TokenPlacement.Format);
        Assert.Equal(",", zoho.ScopeDelimiter);
        Assert.Equal(",", CatalogLoader.LoadEmbedded().Single(s => s.Id == "slack").ScopeDelimiter);
    }

    [Fact]
    public async Task Microsoft_365_tenant_template_is_resolved_with_its_default()
    {
        using var engine = TestEngine.Create();

        var service = await engine.Catalog.FindAsync("microsoft_365");

        Assert.Equal("https://login.microsoftonline.com/common/oauth2/v2.0/token", service!.Descriptor.TokenUrl);
    }

    [Fact]
    public async Task Default_service_without_client_credentials_needs_setup_by_an_admin()
    {
        using var engine = TestEngine.Create();

        var github = await engine.Catalog.FindAsync("github");

        Assert.True(github!.NeedsSetup);
        Assert.Contains("Needs setup: ", github.SetupMessage);
        Assert.Equal(ConnectionRemedy.SetUpService, github.Problem!.Remedy);
    }

    [Fact]
    public async Task Configuring_client_credentials_clears_the_setup_flag_without_exposing_the_secret()
    {
        using var engine = TestEngine.Create();

        var result = await engine.Catalog.ConfigureDefaultAsync("github", new DefaultServiceSettings { ClientId = "gh-client", ClientSecret = "gh-secret" }, TestEngine.Admin);
        var github = await engine.Catalog.FindAsync("github");

        Assert.True(result.Succeeded);
        Assert.False(github!.NeedsSetup);
        Assert.True(github.HasClientSecret);
        Assert.DoesNotContain("gh-secret", System.Text.Json.JsonSerializer.Serialize(github));
    }

    [Fact]
    public async Task Contributor_adds_a_default_service_with_preconfigured_client_credentials()
    {
        var sandbox = new Catalog.ServiceDescriptor
        {
            Id = "sandbox_crm", DisplayName = "Sandbox CRM", Category = "Sandbox", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
            AuthorizeUrl = "http://127.0.0.1:5099/authorize", TokenUrl = "http://127.0.0.1:5099/token",
            Scopes = TestServices.Scopes("crm.read"), AllowedApiBaseUrls = ["http://127.0.0.1:5099/api/"],
        };
        using var engine = TestEngine.Create(["http://127.0.0.1:5099"], configure: s =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ICatalogContributor>(s, new StaticContributor(new ContributedService(sandbox, "sandbox-client", "sandbox-secret"))));

        var service = await engine.Catalog.FindAsync("sandbox_crm");

        Assert.NotNull(service);
        Assert.False(service.IsCustom);
        Assert.False(service.NeedsSetup);
        Assert.Equal("sandbox-client", service.ClientId);
    }

    [Fact]
    public void Invalid_contributed_default_fails_startup_with_the_field_named()
    {
        using var engine = TestEngine.Create();
        var bad = new Catalog.ServiceDescriptor { Id = "Bad Id", DisplayName = "x", AuthType = ServiceAuthType.None };

        var ex = Assert.Throws<InvalidOperationException>(() => engine.Catalog.AddDefault(bad));

        Assert.Contains("id:", ex.Message);
    }

    [Theory]
    [InlineData("http://api.example.com/", "allowedApiBaseUrls[0]")]
    [InlineData("https://api.example.com", "allowedApiBaseUrls[0]")]
    [InlineData("https://user:pw@api.example.com/", "allowedApiBaseUrls[0]")]
    [InlineData("api.example.com/", "allowedApiBaseUrls[0]")]
    public void Validator_reports_bad_api_base_urls_on_the_field(string url, string field)
    {
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(new ConnectionsOptions()));
        var service = new Catalog.ServiceDescriptor { Id = "svc", DisplayName = "Svc", AuthType = ServiceAuthType.Basic, AllowedApiBaseUrls = [url] };

        var errors = validator.Validate(service, []);

        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Validator_accepts_http_only_for_configured_loopback_exceptions()
    {
        var options = new ConnectionsOptions { InsecureOriginExceptions = ["http://127.0.0.1:5099"] };
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(options));
        Catalog.ServiceDescriptor Make(string url) => new() { Id = "svc", DisplayName = "Svc", AuthType = ServiceAuthType.Basic, AllowedApiBaseUrls = [url] };

        var allowed = validator.Validate(Make("http://127.0.0.1:5099/api/"), []);
        var otherPort = validator.Validate(Make("http://127.0.0.1:5100/api/"), []);

        Assert.Empty(allowed);
        Assert.Contains(otherPort, e => e.Field == "allowedApiBaseUrls[0]");
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("Abc")]
    [InlineData("a-b")]
    [InlineData("")]
    [InlineData("a23456789012345678901234567890123456789012345678901")]
    public void Validator_rejects_link_names_outside_the_pattern(string id)
    {
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(new ConnectionsOptions()));

        var errors = validator.Validate(new Catalog.ServiceDescriptor { Id = id, DisplayName = "x", AuthType = ServiceAuthType.None }, []);

        Assert.Contains(errors, e => e.Field == "id");
    }

    [Fact]
    public async Task Custom_service_with_a_taken_link_name_gets_a_field_error()
    {
        using var engine = TestEngine.Create();
        var service = TestServices.Basic("https://api.example.com/") with { Id = "github" };

        var result = await engine.Catalog.CreateCustomAsync(service, null, null, TestEngine.Admin);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "id" && e.Message.Contains("already used", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_rejects_reserved_authorize_parameters_and_missing_oauth_urls()
    {
        var validator = new ServiceValidator(Microsoft.Extensions.Options.Options.Create(new ConnectionsOptions()));
        var service = new Catalog.ServiceDescriptor
        {
            Id = "svc", DisplayName = "Svc", AuthType = ServiceAuthType.OAuth2AuthorizationCode, AllowedApiBaseUrls = ["https://a.example/"],
            ExtraAuthorizeParameters = new Dictionary<string, string> { ["redirect_uri"] = "https://evil.example/" },
        };

        var errors = validator.Validate(service, []);

        Assert.Contains(errors, e => e.Field == "extraAuthorizeParameters.redirect_uri");
        Assert.Contains(errors, e => e.Field == "authorizeUrl");
        Assert.Contains(errors, e => e.Field == "tokenUrl");
    }

    [Fact]
    public async Task Salesforce_needs_its_my_domain_before_use()
    {
        using var engine = TestEngine.Create();
        await engine.Catalog.ConfigureDefaultAsync("salesforce", new DefaultServiceSettings { ClientId = "sf", ClientSecret = "s" }, TestEngine.Admin);

        var before = await engine.Catalog.FindAsync("salesforce");
        await engine.Catalog.ConfigureDefaultAsync("salesforce", new DefaultServiceSettings { ClientId = "sf", TemplateValues = new Dictionary<string, string> { ["my_domain"] = "acme" } }, TestEngine.Admin);
        var after = await engine.Catalog.FindAsync("salesforce");
        var injection = await engine.Catalog.ConfigureDefaultAsync("salesforce", new DefaultServiceSettings { ClientId = "sf", TemplateValues = new Dictionary<string, string> { ["my_domain"] = "evil.net/x" } }, TestEngine.Admin);

        Assert.True(before!.NeedsSetup);
        Assert.Contains("{my_domain}", before.SetupMessage);
        Assert.False(after!.NeedsSetup);
        Assert.Equal(["https://acme.my.salesforce.com/"], after.Descriptor.AllowedApiBaseUrls);
        Assert.False(injection.Succeeded);
    }

    [Fact]
    public async Task Custom_service_can_be_deleted_only_when_no_connection_uses_it()
    {
        using var engine = TestEngine.Create();
        await engine.AddServiceAsync(TestServices.Basic("https://api.acme.test/", "acme"));
        await engine.CreateConnectionAsync("acme", "acme_conn");

        var refused = await engine.Catalog.DeleteCustomAsync("acme", TestEngine.AdminUser);
        await engine.Connections.DeleteAsync("acme_conn", TestEngine.Developer(), force: true);
        var deleted = await engine.Catalog.DeleteCustomAsync("acme", TestEngine.AdminUser);

        Assert.False(refused.Succeeded);
        Assert.Contains("acme_conn", refused.Errors.Single().Message);
        Assert.True(deleted.Succeeded);
        Assert.Null(await engine.Catalog.FindAsync("acme"));
    }

    private sealed class StaticContributor(params ContributedService[] services) : ICatalogContributor
    {
        public IEnumerable<ContributedService> GetServices() => services;
    }
}
