using Portal.Web.Hosting;

if (DatabaseCopyCommand.Matches(args))
{
    return await DatabaseCopyCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(PortalArguments.Normalize(args));

// ASP.NET Core resolves the framework's, MudBlazor's and the scoped CSS assets of a build (not a publish) only in
// Development; without this a portal started from a build with ASPNETCORE_ENVIRONMENT=Production answers 500 for
// blazor.web.js and every stylesheet. A published app has no build manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalForwardedHeaders();
builder.AddPortalConnections();
builder.AddPortalUi();
builder.AddPortalFunctions();
builder.AddPortalSchedules();
builder.AddPortalIntegrations();
builder.AddPortalMail();
builder.AddPortalVariables();

var app = builder.Build();

await app.InitializePortalAsync();
app.UsePortalPipeline();

await app.RunAsync();
return 0;

public partial class Program;
