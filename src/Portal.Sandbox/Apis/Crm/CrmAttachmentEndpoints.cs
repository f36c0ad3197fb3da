using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>
/// A record's Attachments, as Zoho CRM v8: upload (multipart <c>file</c>, at most 20 MB), list, download, delete.
/// </summary>
internal static class CrmAttachmentEndpoints
{
    /// <summary>Zoho CRM's limit for one attachment.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    // Room for the multipart framing around a file of the largest size.
    private const long MaxUploadBytes = MaxFileBytes + 64 * 1024;

    public static async Task<IResult> UploadAsync(HttpContext http, CrmRecordStore records, CrmAttachmentStore attachments, string module, string id)
    {
        var (parentModule, recordId, error) = await ParentAsync(http, records, module, id);
        if (error is not null)
        {
            return error;
        }

        var crmModule = parentModule!;

        if (http.Request.ContentLength > MaxUploadBytes)
        {
            return TooLarge();
        }

        // The Sandbox caps request bodies at 1 MB; an attachment may be as large as Zoho allows.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            return CrmErrors.MissingParameter("file");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes }, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge()
                : CrmErrors.InvalidParameter("file", "send the file as multipart/form-data under the name \"file\"");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return CrmErrors.MissingParameter("file");
        }

        if (file.Length > MaxFileBytes)
        {
            return TooLarge();
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, http.RequestAborted);
        var fileName = string.IsNullOrWhiteSpace(file.FileName) ? "attachment" : Path.GetFileName(file.FileName);
        var type = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        var saved = await attachments.AddAsync(crmModule, recordId, fileName, type, content.ToArray(), CrmWriteEndpoints.Author(http), http.RequestAborted);
        var time = CrmJson.Time(saved.CreatedTime);
        var details = new JsonObject
        {
            [CrmJson.ModifiedTime] = time,
            [CrmJson.ModifiedBy] = CrmJson.User(saved.CreatedBy),
            [CrmJson.CreatedTime] = time,
            [CrmJson.Id] = Text(saved.Id),
            [CrmJson.CreatedBy] = CrmJson.User(saved.CreatedBy),
        };
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["data"] = new JsonArray(CrmJson.Success(details, "attachment uploaded successfully")) });
    }

    public static async Task<IResult> ListAsync(HttpContext http, CrmRecordStore records, CrmAttachmentStore attachments, string module, string id)
    {
        var (crmModule, recordId, error) = await ParentAsync(http, records, module, id);
        if (error is not null)
        {
            return error;
        }

        var (page, pageError) = CrmPage.Read(http.Request.Query);
        if (page is null)
        {
            return pageError!;
        }

        // Zoho v8 asks for fields=…; without it the Sandbox answers every field, so getRelatedRecords("Attachments", …) works as in Deluge.
        var only = http.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parent = (await records.FindAsync(crmModule!, recordId, http.RequestAborted))!;
        var listed = (await attachments.ListAsync(crmModule!, recordId, http.RequestAborted))
            .Select(a => Trim(Json(a, crmModule!, parent), only))
            .ToList();
        return page.Answer(listed);
    }

    public static async Task<IResult> DownloadAsync(HttpContext http, CrmRecordStore records, CrmAttachmentStore attachments, string module, string id, string attachmentId)
    {
        var (crmModule, recordId, error) = await ParentAsync(http, records, module, id);
        if (error is not null)
        {
            return error;
        }

        if (!CrmReadEndpoints.TryId(attachmentId, out var number) || await attachments.FindAsync(crmModule!, recordId, number, http.RequestAborted) is not { } attachment)
        {
            return CrmErrors.UnknownId(attachmentId);
        }

        return Results.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    public static async Task<IResult> DeleteAsync(HttpContext http, CrmRecordStore records, CrmAttachmentStore attachments, string module, string id, string attachmentId)
    {
        var (crmModule, recordId, error) = await ParentAsync(http, records, module, id);
        if (error is not null)
        {
            return error;
        }

        if (!CrmReadEndpoints.TryId(attachmentId, out var number) || await attachments.FindAsync(crmModule!, recordId, number, http.RequestAborted) is not { } attachment)
        {
            return CrmErrors.UnknownId(attachmentId);
        }

        await attachments.DeleteAsync(attachment, http.RequestAborted);
        var details = new JsonObject { [CrmJson.Id] = attachmentId };
        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["data"] = new JsonArray(CrmJson.Success(details, "record deleted")) });
    }

    /// <summary>The attachment as Zoho's Get Attachments lists it; <c>Size</c> is text, as in Zoho.</summary>
    public static JsonObject Json(CrmAttachment attachment, CrmModule module, CrmRecord parent)
    {
        var time = CrmJson.Time(attachment.CreatedTime);
        return new JsonObject
        {
            [CrmJson.Id] = Text(attachment.Id),
            [CrmJson.Owner] = CrmJson.User(attachment.CreatedBy),
            ["File_Name"] = attachment.FileName,
            ["Size"] = Text(attachment.Content.LongLength),
            [CrmJson.CreatedTime] = time,
            [CrmJson.ModifiedTime] = time,
            [CrmJson.CreatedBy] = CrmJson.User(attachment.CreatedBy),
            [CrmJson.ModifiedBy] = CrmJson.User(attachment.CreatedBy),
            ["Parent_Id"] = new JsonObject { ["name"] = module.DisplayName(CrmJson.Fields(parent)), ["id"] = Text(parent.Id) },
            ["$se_module"] = module.Name,
            ["$type"] = "Attachment",
            ["$file_id"] = "sandbox_" + Text(attachment.Id),
            ["$editable"] = true,
            ["$link_url"] = null,
        };
    }

    private static JsonObject Trim(JsonObject attachment, string[] only) => only.Length == 0
        ? attachment
        : new JsonObject(attachment
            .Where(pair => pair.Key == CrmJson.Id || only.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            .Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));

    private static async Task<(CrmModule? Module, long RecordId, IResult? Error)> ParentAsync(HttpContext http, CrmRecordStore records, string module, string id)
    {
        if (CrmModules.Find(module) is not { } crmModule)
        {
            return (null, 0, CrmErrors.InvalidModule());
        }

        if (!CrmReadEndpoints.TryId(id, out var recordId) || await records.FindAsync(crmModule, recordId, http.RequestAborted) is null)
        {
            return (crmModule, 0, CrmErrors.UnknownId(id));
        }

        return (crmModule, recordId, null);
    }

    private static IResult TooLarge() => CrmErrors.Answer(StatusCodes.Status400BadRequest,
        CrmJson.Error("FILE_SIZE_MORE_THAN_ALLOWED_SIZE", new JsonObject { ["maximum_size"] = Text(MaxFileBytes) }, "Only files with size less than 20 MB are allowed"));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
