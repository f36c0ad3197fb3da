using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Shared;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Layout;

/// <summary>Issue 16 item 12: "Delete anyway" and other destructive confirmations look destructive.</summary>
public sealed class DestructiveConfirmDialogTests : PortalComponentTestContext
{
    [Fact]
    public async Task The_yes_button_is_a_filled_error_button_and_confirming_answers_true()
    {
        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();

        Task<bool?>? answer = null;
        await host.InvokeAsync(() => { answer = dialogs.ConfirmDestructiveAsync("Delete connection", "Delete “Team Sheets”?", "Delete anyway"); });
        var yes = await host.WaitForElementAsync("[data-testid=destructive-yes]");

        Assert.Contains("mud-button-filled-error", yes.ClassName, StringComparison.Ordinal);
        Assert.Equal("Delete anyway", yes.TextContent.Trim());
        await host.InvokeAsync(() => yes.Click());
        Assert.True(await answer!);
    }

    [Fact]
    public async Task Cancelling_answers_null()
    {
        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();

        Task<bool?>? answer = null;
        await host.InvokeAsync(() => { answer = dialogs.ConfirmDestructiveAsync("Revoke token", "Revoke it?", "Revoke"); });
        var cancel = await host.WaitForElementAsync("[data-testid=destructive-cancel]");
        await host.InvokeAsync(() => cancel.Click());

        Assert.Null(await answer!);
    }
}
