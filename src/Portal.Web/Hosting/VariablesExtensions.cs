using Portal.Web.Variables;

namespace Portal.Web.Hosting;

internal static class VariablesExtensions
{
    /// <summary>Org variables under Setup › Variables, read by zoho.crm.getOrgVariable.</summary>
    public static WebApplicationBuilder AddPortalVariables(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrgVariables>();
        builder.Services.AddScoped<IOrgVariables>(sp => sp.GetRequiredService<OrgVariables>());
        return builder;
    }
}
