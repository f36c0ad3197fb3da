using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Functions.Api;

/// <summary>GET/POST /api/v1/functions, GET/PUT/DELETE /api/v1/functions/{api_name}, GET …/runs — for CI and the CLI.</summary>
internal static class FunctionsDeployEndpoints
{
    private const string ReadOnlyError = "Only Developers and Admins can change functions through the API. Ask an admin for the Developer role.";

    public static void Map(RouteGroupBuilder functions)
    {
        functions.MapGet("/", ListAsync);
        functions.MapPost("/", CreateAsync);
        functions.MapGet("/{apiName}", GetAsync);
        functions.MapPut("/{apiName}", UpdateAsync);
        functions.MapDelete("/{apiName}", DeleteAsync);
        functions.MapGet("/{apiName}/runs", ListRunsAsync);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IFunctionService service, CancellationToken ct) =>
        FunctionsApiJson.Json((await service.ListAsync(user, ct)).Select(FunctionApiModel.From).ToList());

    private static async Task<IResult> GetAsync(string apiName, ClaimsPrincipal user, IFunctionService service, CancellationToken ct) =>
        await service.GetAsync(user, apiName, ct) is { } function ? FunctionsApiJson.Json(FunctionApiModel.From(function)) : FunctionsApiJson.NotFound(apiName);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, IFunctionService service, CancellationToken ct)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return Results.Problem(detail: ReadOnlyError, statusCode: 403);
        }

        if (await FunctionsApiJson.ReadAsync<FunctionWriteRequest>(request) is not { } body)
        {
            return FunctionsApiJson.BadBody();
        }

        var header = FunctionHeaders.Read(body.Code);
        var apiName = !string.IsNullOrWhiteSpace(body.ApiName) ? body.ApiName.Trim()
            : header is not null && string.IsNullOrWhiteSpace(body.Name) ? FunctionHeaders.ApiName(header)
            : FunctionApiNames.Derive(body.Name);
        if (CompileErrors(body.Code) is { } compileErrors)
        {
            return compileErrors;
        }

        if (header is not null && HeaderMismatch(header, apiName, body.Arguments) is { } mismatch)
        {
            return mismatch;
        }

        if (FunctionApiNames.FormatError(apiName) is null && await service.ValidateApiNameAsync(apiName, null, ct) is not null)
        {
            return Results.Problem(detail: $"A function with the API name {apiName} already exists. Update it with PUT /api/v1/functions/{apiName} or choose another API name.", statusCode: 409);
        }

        var name = string.IsNullOrWhiteSpace(body.Name) && header is not null ? header.Name : body.Name ?? string.Empty;
        var result = await service.CreateAsync(user, new FunctionDraft(name, apiName, body.Description, body.Arguments ?? [], body.Code, body.Visibility ?? FunctionVisibility.Shared), ct);
        return result.Succeeded
            ? FunctionsApiJson.Json(FunctionApiModel.From(result.Function!), 201)
            : Results.Problem(detail: result.Error, statusCode: 400);
    }

    private static async Task<IResult> UpdateAsync(string apiName, HttpRequest request, ClaimsPrincipal user, IFunctionService service, CancellationToken ct)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return Results.Problem(detail: ReadOnlyError, statusCode: 403);
        }

        if (await FunctionsApiJson.ReadAsync<FunctionWriteRequest>(request) is not { Code: not null } body)
        {
            return Results.Problem(detail: "Send a JSON body with at least \"code\" (and optionally \"arguments\" and \"message\").", statusCode: 400);
        }

        if (await service.GetAsync(user, apiName, ct) is not { } existing)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        // SEC-36: the service refuses (and audits) anyone but the owner or an admin, before the code is even compiled.
        if (!FunctionPermissions.CanManage(user, existing.OwnerUserId))
        {
            var refused = await service.UpdateAsync(user, existing.Id, body.Code, body.Arguments ?? existing.Arguments, existing.ConcurrencyStamp, body.Message, ct);
            return Results.Problem(detail: refused.Error, statusCode: 403);
        }

        if (CompileErrors(body.Code) is { } compileErrors)
        {
            return compileErrors;
        }

        if (FunctionHeaders.Read(body.Code) is { } header && HeaderMismatch(header, existing.ApiName, body.Arguments) is { } mismatch)
        {
            return mismatch;
        }

        var changesVisibility = body.Visibility is { } wanted && wanted != existing.Visibility;
        if (changesVisibility && !FunctionPermissions.CanManage(user, existing.OwnerUserId))
        {
            return Results.Problem(detail: "Only the function's owner or an Admin can change its visibility; leave \"visibility\" out to deploy the code.", statusCode: 403);
        }

        // The API deploys the caller's copy as the newest version: last writer wins, every save is kept as a version.
        var result = await service.UpdateAsync(user, existing.Id, body.Code, body.Arguments ?? existing.Arguments, existing.ConcurrencyStamp, body.Message ?? "Saved through the API", ct);
        if (result.Succeeded && changesVisibility)
        {
            result = await service.SetVisibilityAsync(user, existing.Id, body.Visibility!.Value, ct);
        }

        return result.Succeeded
            ? FunctionsApiJson.Json(FunctionApiModel.From(result.Function!))
            : Results.Problem(detail: result.Error, statusCode: result.Refused ? 403 : 409);
    }

    private static async Task<IResult> DeleteAsync(string apiName, ClaimsPrincipal user, IFunctionService service, CancellationToken ct)
    {
        if (!FunctionPermissions.CanEdit(user))
        {
            return Results.Problem(detail: ReadOnlyError, statusCode: 403);
        }

        if (await service.GetAsync(user, apiName, ct) is not { } existing)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        var result = await service.DeleteAsync(user, existing.Id, ct);
        return result.Succeeded ? Results.NoContent() : Results.Problem(detail: result.Error, statusCode: result.Refused ? 403 : 409);
    }

    private static async Task<IResult> ListRunsAsync(string apiName, int? page, [FromQuery(Name = "per_page")] int? perPage, ClaimsPrincipal user, IFunctionService service, CancellationToken ct)
    {
        if (await service.GetAsync(user, apiName, ct) is not { } function)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        var size = Math.Clamp(perPage ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var runs = await service.ListRunsAsync(user, function.Id, ct);
        var items = runs.Skip((number - 1) * size).Take(size).Select(FunctionRunApiModel.From).ToList();
        return FunctionsApiJson.Json(new { Page = number, PerPage = size, Total = runs.Count, MoreRecords = number * size < runs.Count, Runs = items });
    }

    /// <summary>A header that names another function, or arguments sent that differ from the header's, is a 422 saying what differs.</summary>
    private static IResult? HeaderMismatch(Portal.Scripting.FunctionHeader header, string apiName, IReadOnlyList<FunctionArgument>? declared)
    {
        var (fromHeader, error) = FunctionHeaders.Arguments(header);
        var mismatch = error ?? FunctionHeaders.NameMismatch(header, apiName)
            ?? (declared is null ? null : FunctionHeaders.ArgumentMismatch(header, fromHeader, declared));
        return mismatch is null ? null : Results.Problem(detail: mismatch, statusCode: 422);
    }

    /// <summary>Code that does not compile is rejected before it becomes a version, with the editor's markers (warnings do not stop it).</summary>
    private static IResult? CompileErrors(string? code)
    {
        var markers = FunctionDiagnostics.Analyze(code ?? string.Empty).Where(m => m.Severity == EditorMarker.Error).ToList();
        return markers.Count == 0
            ? null
            : Results.Problem(
                detail: $"The code has {markers.Count} compile error(s); fix them (see diagnostics) and deploy again.",
                statusCode: 422,
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = markers.Select(m => new { line = m.StartLineNumber, column = m.StartColumn, end_line = m.EndLineNumber, end_column = m.EndColumn, message = m.Message }).ToList(),
                });
    }
}
