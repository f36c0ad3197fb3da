using System.Text.Json;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Integrations;

/// <summary>
/// Acceptance 7's last task end to end: a function downloads a file from Sandbox CRM with invokeUrl, attaches it to another
/// record with zoho.crm.attachFile (multipart through the bound admin's connection), lists it and gets the same bytes back.
/// </summary>
public sealed class AttachFileAgainstSandboxTests(CrmIntegrationFixture fixture) : IClassFixture<CrmIntegrationFixture>
{
    private const string AdaLeadId = "5843104000000440001";

    [Fact]
    public async Task A_downloaded_attachment_is_attached_to_a_new_contact_listed_and_downloaded_again_byte_for_byte()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var crm = fixture.Sandbox.Url.AbsoluteUri.TrimEnd('/') + "/crm/v8";

        var run = await fixture.RunAsync(fixture.Admin, "attach_file.dg", ("suffix", suffix), ("crm", crm));

        Assert.True(run.ErrorMessage is null, run.ErrorMessage);
        var result = JsonDocument.Parse(run.ReturnValueJson!).RootElement;
        Assert.True(result.GetProperty("isFile").GetBoolean());
        Assert.Equal("analytical-engine.png (image/png, 70 bytes)", result.GetProperty("downloaded").GetString());
        Assert.Equal(("SUCCESS", "attachment uploaded successfully"), (result.GetProperty("code").GetString(), result.GetProperty("message").GetString()));
        Assert.Equal(result.GetProperty("attachmentId").GetString(), result.GetProperty("listedId").GetString());
        Assert.Equal(("analytical-engine.png", "70"), (result.GetProperty("listedName").GetString(), result.GetProperty("listedSize").GetString()));
        Assert.True(result.GetProperty("sameSize").GetBoolean());
        Assert.True(result.GetProperty("sameContent").GetBoolean());
        Assert.Equal("image/png", result.GetProperty("againType").GetString());

        var original = Assert.Single(await fixture.Sandbox.GetCrmAttachmentsAsync("Leads", AdaLeadId), a => a.FileName == "analytical-engine.png");
        var copy = Assert.Single(await fixture.Sandbox.GetCrmAttachmentsAsync("Contacts", result.GetProperty("contactId").GetString()!));
        Assert.Equal(original.Content, copy.Content);
        Assert.Equal(("image/png", CrmIntegrationFixture.AdminSandboxAccount), (copy.ContentType, copy.CreatedByEmail));

        var upload = Assert.Single(run.HttpTrace, t => t.Method == "POST" && t.Url.EndsWith("/Attachments", StringComparison.Ordinal));
        Assert.Equal("multipart/form-data; file: file \"analytical-engine.png\" (image/png, 70 bytes)", upload.RequestBodyPreview);
        Assert.Equal($"admin ({PortalWebFactory.AdminEmail}) via integration zoho.crm", upload.RanAs);
        var download = run.HttpTrace.First(t => t.Method == "GET" && t.Url.Contains($"/Leads/{AdaLeadId}/Attachments/", StringComparison.Ordinal));
        Assert.Equal("(file: 70 bytes of image/png; bytes not shown)", download.ResponseBodyPreview);
    }

    [Fact]
    public async Task Attaching_text_instead_of_a_file_fails_on_its_line_and_sends_nothing()
    {
        var run = await fixture.RunAsync(fixture.Admin, "attach_file_not_a_file.dg");

        Assert.StartsWith("zoho.crm.attachFile: argument 'file' must be a FILE but got TEXT (not a file)", run.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(4, run.ErrorLine);
        Assert.DoesNotContain(run.HttpTrace, t => t.Url.Contains("/Attachments", StringComparison.Ordinal));
    }
}
