using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>Sandbox CRM requests sent the way Zoho clients send them: <c>Authorization: Zoho-oauthtoken …</c>.</summary>
public sealed class CrmCalls(SandboxFixture sandbox, string accessToken) : IDisposable
{
    public const string AllScope = "ZohoCRM.modules.ALL";
    public const string ReadScope = "ZohoCRM.modules.READ";

    private readonly HttpClient http = sandbox.NewApiClient();

    public static async Task<CrmCalls> ForUserAsync(SandboxFixture sandbox, string email, string scope = AllScope)
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, email, scope);
        return new CrmCalls(sandbox, tokens.AccessToken!);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(method, path, body is null ? null : Json(body), "Zoho-oauthtoken");

    /// <summary>Field API names exactly as written (<c>JsonContent</c> would camel-case <c>Last_Name</c>).</summary>
    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Default), System.Text.Encoding.UTF8, "application/json");

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, HttpContent? content, string? scheme)
    {
        using var request = new HttpRequestMessage(method, "/crm/v8/" + path.TrimStart('/')) { Content = content };
        if (scheme is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, accessToken);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A download: status, bytes and the content headers that name and type the file.</summary>
    public async Task<(HttpStatusCode Status, byte[] Bytes, string? ContentType, string? FileName)> DownloadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/crm/v8/" + path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", accessToken);
        using var response = await http.SendAsync(request);
        var disposition = response.Content.Headers.ContentDisposition;
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType, disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
    }

    /// <summary>Uploads bytes as the multipart field <c>file</c>, the way Zoho's Upload Attachment takes them.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string module, string id, byte[] bytes, string fileName, string contentType, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return SendAsync(HttpMethod.Post, $"{module}/{id}/Attachments", form, "Zoho-oauthtoken");
    }

    /// <summary>Creates one record and returns its id.</summary>
    public async Task<string> CreateAsync(string module, object record)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, module, new { data = new[] { record } });
        Assert.True(status == HttpStatusCode.Created, $"create in {module}: {status} {body}");
        return body.GetProperty("data")[0].GetProperty("details").GetProperty("id").GetString()!;
    }

    public void Dispose() => http.Dispose();
}
