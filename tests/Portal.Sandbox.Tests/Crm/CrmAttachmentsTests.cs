using System.Net;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Crm;

/// <summary>
/// A record's Attachments in Zoho CRM v8's shapes (developer/docs/api/v8/upload-attachment.html, get-attachments.html,
/// download-attachments.html, delete-attachments.html): upload, list, download the same bytes, delete; 20 MB; scopes.
/// </summary>
public sealed class CrmAttachmentsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly byte[] Bytes = [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 256)), 0xFF, 0xFE, 0x89];

    [Fact]
    public async Task An_uploaded_file_is_listed_downloaded_byte_for_byte_and_deleted()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var contactId = await sam.CreateAsync("Contacts", new { First_Name = "Grace", Last_Name = "Hopper" });

        var (uploadStatus, uploaded) = await sam.UploadAsync("Contacts", contactId, Bytes, "bug report.pdf", "application/pdf");
        var (listStatus, listed) = await sam.GetAsync($"Contacts/{contactId}/Attachments?fields=id,File_Name,Size,Parent_Id,Created_By");

        Assert.Equal(HttpStatusCode.OK, uploadStatus);
        var result = uploaded.GetProperty("data")[0];
        Assert.Equal(["code", "details", "message", "status"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("SUCCESS", "attachment uploaded successfully", "success"), (result.GetProperty("code").GetString(), result.GetProperty("message").GetString(), result.GetProperty("status").GetString()));
        Assert.Equal(["Modified_Time", "Modified_By", "Created_Time", "id", "Created_By"], result.GetProperty("details").EnumerateObject().Select(p => p.Name));
        var attachmentId = result.GetProperty("details").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var item = Assert.Single(listed.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal(["id", "File_Name", "Size", "Created_By", "Parent_Id"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal((attachmentId, "bug report.pdf", Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), (item.GetProperty("id").GetString(), item.GetProperty("File_Name").GetString(), item.GetProperty("Size").GetString()));
        Assert.Equal((contactId, "Grace Hopper"), (item.GetProperty("Parent_Id").GetProperty("id").GetString(), item.GetProperty("Parent_Id").GetProperty("name").GetString()));
        Assert.Equal("sam@sandbox.test", item.GetProperty("Created_By").GetProperty("email").GetString());
        Assert.False(listed.GetProperty("info").GetProperty("more_records").GetBoolean());

        var (downloadStatus, downloaded, type, name) = await sam.DownloadAsync($"Contacts/{contactId}/Attachments/{attachmentId}");

        Assert.Equal((HttpStatusCode.OK, "application/pdf", "bug report.pdf"), (downloadStatus, type, name));
        Assert.Equal(Bytes, downloaded);

        var (deleteStatus, deleted) = await sam.SendAsync(HttpMethod.Delete, $"Contacts/{contactId}/Attachments/{attachmentId}");
        var (afterStatus, _) = await sam.GetAsync($"Contacts/{contactId}/Attachments");
        var (goneStatus, gone) = await sam.GetAsync($"Contacts/{contactId}/Attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, deleteStatus);
        Assert.Equal(("SUCCESS", attachmentId), (deleted.GetProperty("data")[0].GetProperty("code").GetString(), deleted.GetProperty("data")[0].GetProperty("details").GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, afterStatus);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_DATA"), (goneStatus, gone.GetProperty("data")[0].GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Ada_s_lead_comes_with_a_seeded_png_and_without_fields_every_field_is_listed()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");

        var (status, listed) = await sam.GetAsync("Leads/5843104000000440001/Attachments");

        Assert.Equal(HttpStatusCode.OK, status);
        var png = listed.GetProperty("data").EnumerateArray().First(a => a.GetProperty("File_Name").GetString() == "analytical-engine.png");
        Assert.Equal(["id", "Owner", "File_Name", "Size", "Created_Time", "Modified_Time", "Created_By", "Modified_By", "Parent_Id", "$se_module", "$type", "$file_id", "$editable", "$link_url"],
            png.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Leads", "Attachment", "Ada Lovelace"), (png.GetProperty("$se_module").GetString(), png.GetProperty("$type").GetString(), png.GetProperty("Parent_Id").GetProperty("name").GetString()));
        var (_, bytes, type, _) = await sam.DownloadAsync($"Leads/5843104000000440001/Attachments/{png.GetProperty("id").GetString()}");
        Assert.Equal("image/png", type);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_with_zohos_size_error_and_nothing_is_stored()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        var leadId = await sam.CreateAsync("Leads", new { Last_Name = "Huge" });

        var (status, body) = await sam.UploadAsync("Leads", leadId, new byte[(20 * 1024 * 1024) + 1], "huge.bin", "application/octet-stream");
        var (okStatus, _) = await sam.UploadAsync("Leads", leadId, new byte[2 * 1024 * 1024], "two-megabytes.bin", "application/octet-stream");
        var (_, listed) = await sam.GetAsync($"Leads/{leadId}/Attachments");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("FILE_SIZE_MORE_THAN_ALLOWED_SIZE", "error"), (body.GetProperty("code").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("two-megabytes.bin", Assert.Single(listed.GetProperty("data").EnumerateArray().ToList()).GetProperty("File_Name").GetString());
    }

    [Fact]
    public async Task Uploads_need_the_file_field_a_known_record_and_the_all_scope()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test");
        using var reader = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        var leadId = await sam.CreateAsync("Leads", new { Last_Name = "Scoped" });

        var (wrongField, missing) = await sam.UploadAsync("Leads", leadId, Bytes, "a.bin", "application/octet-stream", field: "document");
        var (unknownRecord, unknown) = await sam.UploadAsync("Leads", "5843104000000000000", Bytes, "a.bin", "application/octet-stream");
        var (unknownModule, module) = await sam.UploadAsync("Spaceships", leadId, Bytes, "a.bin", "application/octet-stream");
        var (readOnly, refused) = await reader.UploadAsync("Leads", leadId, Bytes, "a.bin", "application/octet-stream");
        var (readList, _) = await reader.GetAsync($"Leads/{leadId}/Attachments");
        var (noToken, invalid) = await sam.SendAsync(HttpMethod.Get, $"Leads/{leadId}/Attachments", null, scheme: null);

        Assert.Equal((HttpStatusCode.BadRequest, "REQUIRED_PARAM_MISSING", "file"), (wrongField, missing.GetProperty("code").GetString(), missing.GetProperty("details").GetProperty("param").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_DATA"), (unknownRecord, unknown.GetProperty("data")[0].GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_MODULE"), (unknownModule, module.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH"), (readOnly, refused.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, readList);
        Assert.Equal((HttpStatusCode.Unauthorized, "INVALID_TOKEN"), (noToken, invalid.GetProperty("code").GetString()));
    }
}
