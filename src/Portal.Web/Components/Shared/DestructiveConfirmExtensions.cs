using MudBlazor;

namespace Portal.Web.Components.Shared;

internal static class DestructiveConfirmExtensions
{
    /// <summary>Like <c>ShowMessageBoxAsync</c>, for actions that delete or revoke: true when the user confirmed.</summary>
    public static async Task<bool?> ConfirmDestructiveAsync(this IDialogService dialogs, string title, string message, string yesText, string cancelText = "Cancel")
    {
        var dialog = await dialogs.ShowAsync<DestructiveConfirmDialog>(
            title,
            new DialogParameters<DestructiveConfirmDialog>
            {
                { d => d.Title, title }, { d => d.Message, message }, { d => d.YesText, yesText }, { d => d.CancelText, cancelText },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true } ? true : null;
    }
}
