using Portal.Sandbox.Apis;
using Portal.Sandbox.Apis.Crm;
using Portal.Sandbox.Authorization;
using Portal.Sandbox.Pages;

namespace Portal.Sandbox.Hosting;

internal static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomePage.Render);
        app.MapGet(LoginPage.Path, AccountEndpoints.ShowLoginAsync);
        app.MapPost(LoginPage.Path, AccountEndpoints.SubmitLoginAsync).DisableAntiforgery();
        app.MapMethods(SandboxCatalog.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost(SandboxCatalog.TokenPath, TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapSheetsApi();
        app.MapMailApi();
        app.MapWeatherApi();
        app.MapEchoApi();
        app.MapCrmApi();
        return app;
    }
}
