using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Web.Data;
using Portal.Web.Functions.Schedules;

namespace Portal.Web.Functions.Api;

/// <summary>GET/POST /api/v1/functions/{api_name}/schedules and GET/PUT/DELETE …/schedules/{id}, for CI and the CLI.</summary>
internal static class FunctionScheduleEndpoints
{
    private const string BadBody =
        "Send a JSON body like {\"kind\": \"weekly\", \"days\": [\"monday\"], \"at\": \"09:00\", \"time_zone\": \"Europe/Berlin\", \"arguments\": {}}; kind is every_minutes, every_hours, daily, weekly or cron.";

    public static void Map(RouteGroupBuilder functions)
    {
        functions.MapGet("/{apiName}/schedules", ListAsync);
        functions.MapPost("/{apiName}/schedules", CreateAsync);
        functions.MapGet("/{apiName}/schedules/{id}", GetAsync);
        functions.MapPut("/{apiName}/schedules/{id}", UpdateAsync);
        functions.MapDelete("/{apiName}/schedules/{id}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(string apiName, ClaimsPrincipal user, IFunctionService functions, FunctionScheduleService schedules, CancellationToken ct) =>
        await functions.GetAsync(user, apiName, ct) is { } function && await schedules.ListAsync(user, function.Id, ct) is { } list
            ? FunctionsApiJson.Json(list.Select(FunctionScheduleApiModel.From).ToList())
            : FunctionsApiJson.NotFound(apiName);

    private static async Task<IResult> GetAsync(string apiName, string id, ClaimsPrincipal user, IFunctionService functions, FunctionScheduleService schedules, CancellationToken ct)
    {
        if (await functions.GetAsync(user, apiName, ct) is not { } function)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        return await schedules.GetAsync(user, function.Id, id, ct) is { } schedule
            ? FunctionsApiJson.Json(FunctionScheduleApiModel.From(schedule))
            : ScheduleNotFound(apiName, id);
    }

    private static async Task<IResult> CreateAsync(string apiName, HttpRequest request, ClaimsPrincipal user, IFunctionService functions, FunctionScheduleService schedules, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        if (await functions.GetAsync(user, apiName, ct) is not { } function)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        if (await FunctionsApiJson.ReadAsync<FunctionScheduleWriteRequest>(request) is not { Kind: not null } body)
        {
            return Results.Problem(detail: BadBody, statusCode: 400);
        }

        var (runAs, unknown) = await RunAsAsync(body, users);
        if (unknown is not null)
        {
            return unknown;
        }

        var result = await schedules.CreateAsync(user, function.Id, body.ApplyTo(new FunctionScheduleDefinition { TimeZone = schedules.DefaultTimeZone }, runAs), ct);
        return Answer(result, 201);
    }

    private static async Task<IResult> UpdateAsync(string apiName, string id, HttpRequest request, ClaimsPrincipal user, IFunctionService functions, FunctionScheduleService schedules, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        if (await functions.GetAsync(user, apiName, ct) is not { } function)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        if (await FunctionsApiJson.ReadAsync<FunctionScheduleWriteRequest>(request) is not { } body)
        {
            return Results.Problem(detail: BadBody, statusCode: 400);
        }

        if (await schedules.GetAsync(user, function.Id, id, ct) is not { } current)
        {
            return ScheduleNotFound(apiName, id);
        }

        var (runAs, unknown) = await RunAsAsync(body, users);
        if (unknown is not null)
        {
            return unknown;
        }

        // Only switching on or off restarts the schedule from now; any other change saves the whole definition.
        var result = !body.ChangesDefinition && body.Enabled is { } enabled
            ? await schedules.SetEnabledAsync(user, function.Id, id, enabled, ct)
            : await schedules.UpdateAsync(user, function.Id, id, body.ApplyTo(current.Definition, runAs), ct);
        return Answer(result, 200);
    }

    private static async Task<IResult> DeleteAsync(string apiName, string id, ClaimsPrincipal user, IFunctionService functions, FunctionScheduleService schedules, CancellationToken ct)
    {
        if (await functions.GetAsync(user, apiName, ct) is not { } function)
        {
            return FunctionsApiJson.NotFound(apiName);
        }

        var result = await schedules.DeleteAsync(user, function.Id, id, ct);
        return result.Succeeded ? Results.NoContent() : Answer(result, 204);
    }

    private static async Task<(string? UserId, IResult? Unknown)> RunAsAsync(FunctionScheduleWriteRequest body, UserManager<ApplicationUser> users)
    {
        if (string.IsNullOrWhiteSpace(body.RunAs))
        {
            return (null, null);
        }

        return await users.FindByEmailAsync(body.RunAs.Trim()) is { } found
            ? (found.Id, null)
            : (null, Results.Problem(detail: $"No portal user has the email '{body.RunAs.Trim()}'. Leave run_as out to run as the function's owner.", statusCode: 400));
    }

    private static IResult Answer(FunctionScheduleResult result, int success) =>
        result.Succeeded ? FunctionsApiJson.Json(result.Schedule is null ? null : FunctionScheduleApiModel.From(result.Schedule), success)
        : Results.Problem(detail: result.Error, statusCode: result.Refused ? 403 : result.NotFound ? 404 : 400);

    private static IResult ScheduleNotFound(string apiName, string id) => Results.Problem(
        detail: $"The function {apiName} has no schedule '{id}'. GET /api/v1/functions/{apiName}/schedules lists them.", statusCode: 404);
}
