using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(PortalArguments.Normalize(args));

builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalConnections();
builder.AddPortalUi();
builder.AddPortalFunctions();
builder.AddPortalIntegrations();

var app = builder.Build();

await app.InitializePortalAsync();
app.UsePortalPipeline();

await app.RunAsync();

public partial class Program;
