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
        _app.MapGet("/files/pixel", () => Results.File(Pixel, "image/png", "pixel.png"));
        _app.MapGet("/files/report.pdf", () => Results.Bytes(Pixel, "application/pdf"));
        _app.MapGet("/files/notes", () => Results.Text("a,b\n1,2", "text/csv"));
        _app.MapGet("/files/export", (HttpContext context) =>
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"export.csv\"";
            return Results.Text("id,name\n1,Ada", "text/csv");
        });
        _app.MapGet("/files/large", () => Results.Bytes(new byte[3 * 1024 * 1024], "application/octet-stream"));
        _app.MapPost("/multipart", (Delegate)Multipart);
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

    /// <summary>Bytes that are not UTF-8 (0x89, 0xFF…), so a text round trip would change them.</summary>
    public static byte[] Pixel { get; } = [.. Enumerable.Range(0, 256).Select(i => (byte)(255 - i)), 0x89, 0x50, 0x4E, 0x47];

    public static string Sha256(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));

    // The form as ASP.NET Core's own multipart reader sees it: fields, and each file's name, type, length and hash.
    private static async Task<IResult> Multipart(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var files = new List<object>();
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content);
            files.Add(new { name = file.Name, fileName = file.FileName, contentType = file.ContentType, length = file.Length, sha256 = Sha256(content.ToArray()) });
        }

        return Results.Json(new { fields = form.ToDictionary(f => f.Key, f => f.Value.ToString()), files });
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
