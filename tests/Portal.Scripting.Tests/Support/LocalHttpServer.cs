using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Scripting.Tests.Support;

/// <summary>A Kestrel server on 127.0.0.1 with a free port: echo, array, text, 404, slow and oversized endpoints.</summary>
public sealed class LocalHttpServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Map("/echo", Echo);
        _app.MapGet("/array", () => Results.Text("[1,2,{\"a\":3}]", "application/json"));
        _app.MapGet("/text", () => Results.Text("just text", "text/plain"));
        _app.MapGet("/notfound", () => Results.Json(new { error = "no such record" }, statusCode: 404));
        _app.MapGet("/servererror", () => Results.Text("boom", "text/plain", statusCode: 500));
        _app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Text("late");
        });
        _app.MapGet("/big", () => Results.Text(new string('x', 200_000), "text/plain"));
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task Echo(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key == "Authorization")
            .ToDictionary(h => h.Key, h => h.Value.ToString());
        context.Response.Headers["X-Echo"] = "yes";
        await context.Response.WriteAsJsonAsync(new
        {
            method = context.Request.Method,
            query = context.Request.QueryString.Value,
            contentType = context.Request.ContentType,
            body,
            headers,
        }, new JsonSerializerOptions());
    }
}
