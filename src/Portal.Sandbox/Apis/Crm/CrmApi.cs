namespace Portal.Sandbox.Apis.Crm;

/// <summary>Sandbox CRM: a Zoho-CRM-v8-compatible subset under <c>/crm/v8/</c>.</summary>
internal static class CrmApi
{
    public static void MapCrmApi(this IEndpointRouteBuilder app)
    {
        var crm = app.MapGroup(SandboxCatalog.CrmBasePath.TrimEnd('/'));
        crm.MapGet("users", CrmReadEndpoints.UsersAsync).CrmRead();
        crm.MapGet("settings/variables", CrmVariables.List).CrmRead();
        crm.MapGet("settings/variables/{idOrName}", CrmVariables.Get).CrmRead();
        crm.MapGet("{module}", CrmReadEndpoints.ListAsync).CrmRead();
        crm.MapGet("{module}/search", CrmReadEndpoints.SearchAsync).CrmRead();
        crm.MapGet("{module}/{id}", CrmReadEndpoints.GetAsync).CrmRead();
        crm.MapGet("{module}/{id}/{relatedList}", CrmReadEndpoints.RelatedAsync).CrmRead();
        crm.MapGet("{module}/{id}/Attachments", CrmAttachmentEndpoints.ListAsync).CrmRead();
        crm.MapGet("{module}/{id}/Attachments/{attachmentId}", CrmAttachmentEndpoints.DownloadAsync).CrmRead();
        crm.MapPost("{module}/{id}/Attachments", CrmAttachmentEndpoints.UploadAsync).CrmWrite().DisableAntiforgery();
        crm.MapDelete("{module}/{id}/Attachments/{attachmentId}", CrmAttachmentEndpoints.DeleteAsync).CrmWrite();
        crm.MapPost("{module}", CrmWriteEndpoints.CreateAsync).CrmWrite().DisableAntiforgery();
        crm.MapPut("{module}/{id}", CrmWriteEndpoints.UpdateAsync).CrmWrite().DisableAntiforgery();
        crm.MapDelete("{module}/{id}", CrmWriteEndpoints.DeleteAsync).CrmWrite();
        crm.MapPost("{module}/upsert", CrmActionEndpoints.UpsertAsync).CrmWrite().DisableAntiforgery();
        crm.MapPost("Leads/{id}/actions/convert", CrmActionEndpoints.ConvertLeadAsync).CrmWrite().DisableAntiforgery();
        crm.MapPut("{module}/{id}/{relatedList}/{relatedId}", CrmActionEndpoints.UpdateRelatedAsync).CrmWrite().DisableAntiforgery();

        // Anything else under /crm/v8 answers like Zoho instead of an empty 404.
        crm.Map("{**rest}", CrmErrors.UrlPattern);
    }
}
