using Portal.Connections.Catalog;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Tests.Connections;

public sealed class CustomServiceModelTests
{
    [Fact]
    public void The_link_name_follows_the_service_name_until_edited()
    {
        var model = new CustomServiceModel();

        model.SetDisplayName("Acme CRM");
        var derived = model.Id;
        model.SetId("acme");
        model.SetDisplayName("Acme CRM EU");

        Assert.Equal("acme_crm", derived);
        Assert.Equal("acme", model.Id);
    }

    [Fact]
    public void An_oauth_form_becomes_a_descriptor_with_scopes_defaults_parameters_and_base_urls()
    {
        var model = new CustomServiceModel { AuthorizeUrl = " https://acme.example/oauth/authorize ", TokenUrl = "https://acme.example/oauth/token", ScopeDelimiter = "," };
        model.SetDisplayName("Acme CRM");
        model.Scopes.Add(new() { Name = "crm.read", Description = "Read records", IsDefault = true });
        model.Scopes.Add(new() { Name = "crm.write", Description = "Change records", IsDefault = false });
        model.ExtraAuthorizeParameters = "access_type=offline\nprompt = consent";
        model.AllowedApiBaseUrls = "https://api.acme.example/v1/\n\nhttps://eu.api.acme.example/v1/";

        var d = model.ToDescriptor();

        Assert.Equal("acme_crm", d.Id);
        Assert.Equal("https://acme.example/oauth/authorize", d.AuthorizeUrl);
        Assert.Equal(["crm.read", "crm.write"], d.Scopes.Select(s => s.Name));
        Assert.Equal(["crm.read"], d.DefaultScopes);
        Assert.Equal(",", d.ScopeDelimiter);
        Assert.Equal("consent", d.ExtraAuthorizeParameters["prompt"]);
        Assert.Equal(2, d.AllowedApiBaseUrls.Count);
    }

    [Fact]
    public void An_api_key_form_drops_oauth_fields_and_keeps_its_key_parameters()
    {
        var model = new CustomServiceModel { AuthType = ServiceAuthType.ApiKey, TokenUrl = "https://left.over/token" };
        model.SetDisplayName("Weather Desk");
        model.ApiKeys.Add(new() { Name = "X-Weather-Key", Label = "Weather key", Location = CredentialLocation.Header });
        model.Scopes.Add(new() { Name = "ignored", Description = "ignored" });

        var d = model.ToDescriptor();

        Assert.Null(d.TokenUrl);
        Assert.Empty(d.Scopes);
        Assert.Equal("X-Weather-Key", d.ApiKeyParameters.Single().Name);
        Assert.Equal("{value}", d.ApiKeyParameters.Single().Format);
    }

    [Fact]
    public void A_parameter_line_without_equals_sign_is_reported_with_an_example()
    {
        var model = new CustomServiceModel { ExtraAuthorizeParameters = "access_type=offline\nprompt" };

        Assert.Equal("“prompt” is not name=value. Write one parameter per line, like access_type=offline.", model.ExtraParametersError);
    }

    [Fact]
    public void Editing_loads_every_field_back_but_never_the_secret()
    {
        var service = new CatalogService
        {
            IsCustom = true, ClientId = "cid", HasClientSecret = true,
            Descriptor = new ServiceDescriptor
            {
                Id = "acme", DisplayName = "Acme", AuthType = ServiceAuthType.OAuth2AuthorizationCode, TokenUrl = "https://a.example/token",
                Scopes = [new("r", "Read")], DefaultScopes = ["r"], AllowedApiBaseUrls = ["https://api.a.example/"],
            },
        };

        var model = CustomServiceModel.From(service);

        Assert.Equal("acme", model.Id);
        Assert.Equal("cid", model.ClientId);
        Assert.Null(model.ClientSecret);
        Assert.True(model.Scopes.Single().IsDefault);
        Assert.Equal("https://api.a.example/", model.AllowedApiBaseUrls);
    }
}
