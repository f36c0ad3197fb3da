using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Portal.Web.Security;

/// <summary>
/// A form endpoint posted without a valid antiforgery token answers 400 with a sentence, instead of failing with 500 when
/// its form is read (SEC-38). Razor component pages already answer 400 themselves.
/// </summary>
internal sealed class AntiforgeryRejectionMiddleware(RequestDelegate next)
{
    public const string Message = "This form has expired or did not come from the portal. Reload the page and try again.";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            && endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
            && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync(Message);
        }

        return next(context);
    }
}
