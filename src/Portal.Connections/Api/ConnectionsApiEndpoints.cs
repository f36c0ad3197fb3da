using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.OAuth;

namespace Portal.Connections.Api;

/// <summary><c>/api/v1</c> services and connections, authenticated by personal access tokens; other users' connections are 404.</summary>
internal static class ConnectionsApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ConnectionsPolicies.Api);
        api.MapGet("/services", ListServices);
        api.MapPost("/services", CreateService);
        api.MapGet("/connections", ListConnections);
        api.MapPost("/connections", CreateConnection);
        api.MapGet("/connections/{link}", GetConnection);
        api.MapDelete("/connections/{link}", DeleteConnection);
        api.MapPost("/connections/{link}/authorize", Authorize);
        api.MapPost("/connections/{link}/revoke", Revoke);
    }

    private static async Task<IResult> ListServices(ServiceCatalog catalog, CancellationToken ct) =>
        ApiResults.Json(await catalog.ListAsync(ct));

    private static async Task<IResult> CreateService(HttpRequest request, ClaimsPrincipal principal, ServiceCatalog catalog, CancellationToken ct)
    {
        var user = ConnectionsUser.From(principal)!;
        if (!user.CanCreate)
        {
            return Results.Problem(detail: "Only Developers and Admins can create custom services. Ask an admin for the Developer role.", statusCode: 403);
        }

        if (await ApiResults.ReadAsync<CreateServiceRequest>(request) is not { Service: not null } body)
        {
            return ApiResults.BadBody();
        }

        var result = await catalog.CreateCustomAsync(body.Service, body.ClientId, body.ClientSecret, user.UserId, ct);
        return result.Succeeded
            ? ApiResults.Json(await catalog.FindAsync(body.Service.Id, ct), 201)
            : ApiResults.Validation(result.Errors);
    }

    private static async Task<IResult> ListConnections(ClaimsPrincipal principal, ConnectionManager manager, string? scope, CancellationToken ct)
    {
        var parsed = scope?.ToLowerInvariant() switch
        {
            "my" => ConnectionListScope.My,
            "shared" => ConnectionListScope.Shared,
            null or "" or "all" => ConnectionListScope.All,
            _ => (ConnectionListScope?)null,
        };
        return parsed is null
            ? Results.Problem(detail: "Use scope=my, scope=shared or scope=all.", statusCode: 400)
            : ApiResults.Json(await manager.ListAsync(ConnectionsUser.From(principal)!, parsed.Value, ct));
    }

    private static async Task<IResult> CreateConnection(HttpRequest request, ClaimsPrincipal principal, ConnectionManager manager, CancellationToken ct)
    {
        if (await ApiResults.ReadAsync<CreateConnectionRequest>(request) is not { } body)
        {
            return ApiResults.BadBody();
        }

        try
        {
            var result = await manager.CreateAsync(body, ConnectionsUser.From(principal)!, ct);
            return result.Succeeded ? ApiResults.Json(result.Connection, 201) : ApiResults.Validation(result.Errors);
        }
        catch (ConnectionsException ex)
        {
            return ApiResults.Problem(ex, request.HttpContext);
        }
    }

    private static async Task<IResult> GetConnection(string link, ClaimsPrincipal principal, ConnectionManager manager, CancellationToken ct) =>
        await manager.GetAsync(link, ConnectionsUser.From(principal)!, ct) is { } details
            ? ApiResults.Json(details)
            : Results.Problem(detail: $"There is no connection named '{link}' that you can see. Check the link name.", statusCode: 404);

    private static async Task<IResult> DeleteConnection(string link, bool? force, HttpContext http, ClaimsPrincipal principal, ConnectionManager manager, CancellationToken ct)
    {
        try
        {
            var result = await manager.DeleteAsync(link, ConnectionsUser.From(principal)!, force ?? false, ct);
            return result.Deleted
                ? Results.NoContent()
                : Results.Problem(
                    detail: $"Connection '{link}' is used by {string.Join(", ", result.UsedBy.Select(u => u.FunctionName))}. Change those functions first, or repeat with ?force=true.",
                    statusCode: 409, extensions: new Dictionary<string, object?> { ["usedBy"] = result.UsedBy.Select(u => u.FunctionName).ToList() });
        }
        catch (ConnectionsException ex)
        {
            return ApiResults.Problem(ex, http);
        }
    }

    private static async Task<IResult> Authorize(string link, HttpContext context, ServiceCatalog catalog, ConnectionManager manager, OAuthFlowService flow, CancellationToken ct)
    {
        var user = ConnectionsUser.From(context.User)!;
        var details = await manager.GetAsync(link, user, ct);
        if (details is null)
        {
            return Results.Problem(detail: $"There is no connection named '{link}' that you can see. Check the link name.", statusCode: 404);
        }

        var service = await catalog.FindAsync(details.Summary.ServiceId, ct);
        try
        {
            switch (service?.Descriptor.AuthType)
            {
                case ServiceAuthType.OAuth2AuthorizationCode:
                    // The browser that opens this URL creates the state and binding itself (SEC-3).
                    return ApiResults.Json(new { authorizeUrl = OAuthEndpoints.BaseUrl(context) + ConnectionManager.AuthorizePath(link) });
                case ServiceAuthType.OAuth2ClientCredentials:
                    await flow.AuthorizeWithClientCredentialsAsync(link, user.UserId, ct);
                    break;
                case ServiceAuthType.ApiKey or ServiceAuthType.Basic:
                    var body = context.Request.ContentLength is > 0 ? await ApiResults.ReadAsync<AuthorizeRequest>(context.Request) : null;
                    if (body is null)
                    {
                        return ApiResults.BadBody();
                    }

                    if (service.Descriptor.AuthType == ServiceAuthType.ApiKey)
                    {
                        await flow.AuthorizeWithApiKeyAsync(link, user.UserId, body.ApiKey ?? [], ct);
                    }
                    else
                    {
                        await flow.AuthorizeWithBasicAsync(link, user.UserId, body.UserName ?? "", body.Password ?? "", ct);
                    }

                    break;
                default:
                    return Results.Problem(detail: $"Connection '{link}' needs no authorization.", statusCode: 400);
            }
        }
        catch (ConnectionsException ex)
        {
            return ApiResults.Problem(ex, context);
        }

        return ApiResults.Json((await manager.GetAsync(link, user, ct))!);
    }

    private static async Task<IResult> Revoke(string link, string? user, HttpContext http, ClaimsPrincipal principal, ConnectionManager manager, CancellationToken ct)
    {
        try
        {
            var revoked = await manager.RevokeAsync(link, ConnectionsUser.From(principal)!, user, ct);
            return ApiResults.Json(new { revoked });
        }
        catch (ConnectionsException ex)
        {
            return ApiResults.Problem(ex, http);
        }
    }
}
