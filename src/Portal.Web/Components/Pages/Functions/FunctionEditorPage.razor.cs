using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Connections;
using Portal.Scripting.Values;
using Portal.Web.ConnectionsUi;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Components.Pages.Functions;

public sealed partial class FunctionEditorPage
{
    internal const string BusySaveMessage = "The database is busy, so this version was not saved. Your code is still in the editor: press Save again in a few seconds.";

    private FunctionCodeEditor? codeEditor;
    private FunctionDetails? function;
    private List<FunctionArgument> arguments = [];
    private ClaimsPrincipal user = new();
    private bool notFound;
    private bool canEdit;
    private bool darkMode;
    private bool dirty;
    private bool saving;
    private bool running;
    private CancellationTokenSource? runCancellation;
    private FunctionRunRecord? lastRun;
    private IReadOnlyList<FunctionRunRecord>? runs;
    private IReadOnlyList<FunctionVersionSummary>? versions;
    private readonly Dictionary<string, string> inputs = [];
    private Dictionary<string, string> inputErrors = [];
    private int activeTab;
    private long? shownRunId;

    [Parameter] public string ApiName { get; set; } = "";

    /// <summary>Opened from a connection's "Open in function editor": that connection's sample code is added on top.</summary>
    [SupplyParameterFromQuery(Name = "connection")] public string? StartWithConnection { get; set; }

    private string? initialCode;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        user = (await AuthState).User;
        darkMode = await Preferences.GetDarkModeAsync();
        function = await Functions.GetAsync(user, ApiName);

        // SEC-36: the editor opens read-only for anyone but the function's owner and admins.
        canEdit = function is not null && FunctionPermissions.CanManage(user, function.OwnerUserId);
        notFound = function is null;
        arguments = function is null ? [] : [.. function.Arguments];
        initialCode = function?.Code;
        if (function is not null && canEdit && !string.IsNullOrEmpty(StartWithConnection)
            && ConnectionsUser.From(user) is { } viewer && await ConnectionsUi.GetAsync(StartWithConnection, viewer) is { } connection)
        {
            // The connection's own sample goes on top as an unsaved change; Save keeps it, leaving discards it.
            initialCode = string.IsNullOrWhiteSpace(function.Code) ? connection.Snippet + "\n" : connection.Snippet + "\n\n" + function.Code;
        }
    }

    // The status line's right-hand side.
    private string StateText() => $"{(dirty ? "Unsaved changes" : $"Version {function?.LatestVersion}")} · {ArgumentsText()}";

    private Task OnCodeCheckedAsync(string code) =>
        SetDirtyAsync(canEdit && function is not null && (code != function.Code || !arguments.SequenceEqual(function.Arguments)));

    private async Task OnEditedAsync()
    {
        if (!dirty && canEdit)
        {
            await SetDirtyAsync(true);
        }
    }

    private async Task SetDirtyAsync(bool value)
    {
        if (dirty != value)
        {
            dirty = value;
            await JS.InvokeVoidAsync("portalFunctionEditor.setDirty", value);
        }
    }

    private async Task SaveAsync()
    {
        if (!canEdit || saving || function is null || codeEditor is not { IsReady: true })
        {
            return;
        }

        saving = true;
        try
        {
            var code = await codeEditor.GetValueAsync() ?? "";
            var result = await Functions.UpdateAsync(user, function.Id, code, arguments, function.ConcurrencyStamp);
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Error!, Severity.Error);
                return;
            }

            function = result.Function!;
            arguments = [.. function.Arguments]; // a pasted header may have declared new arguments
            await SetDirtyAsync(false);
            versions = null;
            Snackbar.Add($"Saved as version {function.LatestVersion}.", Severity.Success);
            if (activeTab == 2)
            {
                await LoadVersionsAsync();
            }
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            // The code stays in the editor and stays marked unsaved.
            Snackbar.Add(BusySaveMessage, Severity.Warning);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task RunAsync()
    {
        if (running || function is null)
        {
            return;
        }

        var values = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string>();
        foreach (var argument in arguments)
        {
            if (FunctionArgumentValues.TryParse(argument.Type, inputs.GetValueOrDefault(argument.Name), out var value, out var error))
            {
                values[argument.Name] = value;
            }
            else
            {
                errors[argument.Name] = error!;
            }
        }

        inputErrors = errors;
        activeTab = 0;
        if (errors.Count > 0)
        {
            return;
        }

        running = true;
        runCancellation = new CancellationTokenSource();
        StateHasChanged();
        try
        {
            var code = canEdit && codeEditor is { IsReady: true } ? await codeEditor.GetValueAsync() : null;
            lastRun = await Runner.RunAsync(
                new FunctionRunRequest { FunctionId = function.Id, Code = code, Arguments = canEdit ? arguments : null, Values = values },
                user,
                FunctionRunOrigin.Editor,
                runCancellation.Token);
            runs = null;
        }
        catch (Exception e) when (e is InvalidOperationException or UnauthorizedAccessException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            Snackbar.Add(DatabaseBusy.Message, Severity.Warning);
        }
        finally
        {
            running = false;
            runCancellation.Dispose();
            runCancellation = null;
        }
    }

    private void CancelRun() => runCancellation?.Cancel();

    private Task RevealAsync((int Line, int Column) location) => codeEditor?.RevealAsync(location) ?? Task.CompletedTask;

    private async Task LoadRunsAsync()
    {
        if (function is not null)
        {
            runs = await Functions.ListRunsAsync(user, function.Id);
        }
    }

    private async Task LoadVersionsAsync()
    {
        if (function is not null)
        {
            versions = await Functions.ListVersionsAsync(function.Id);
        }
    }

    private async Task RestoreAsync(int number)
    {
        if (function is null || codeEditor is not { IsReady: true })
        {
            return;
        }

        var warning = dirty ? " Your unsaved changes in the editor are discarded." : "";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Restore version",
            $"Make version {number} the current code? It is saved as a new version, so nothing is lost.{warning}",
            yesText: "Restore", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        FunctionResult result;
        try
        {
            result = await Functions.RestoreAsync(user, function.Id, number);
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            Snackbar.Add(DatabaseBusy.Message, Severity.Warning);
            return;
        }

        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Error);
            return;
        }

        function = result.Function!;
        arguments = [.. function.Arguments];
        await codeEditor.SetValueAsync(function.Code);
        await SetDirtyAsync(false);
        await LoadVersionsAsync();
        Snackbar.Add($"Version {number} restored as version {function.LatestVersion}.", Severity.Success);
    }

    private bool WideTab => activeTab is 1 or 2 or 4;

    // A schedule's last run opens in History, where the viewer sees it if it is theirs or they are an admin (SEC-30).
    private async Task ShowRunAsync(long runId)
    {
        shownRunId = runId;
        await LoadRunsAsync();
        activeTab = 1;
    }

    // The count is of the arguments being edited; the saved version may differ until Save.
    private string ArgumentsText()
    {
        var text = $"{arguments.Count} argument{(arguments.Count == 1 ? "" : "s")}";
        return function is not null && !arguments.SequenceEqual(function.Arguments) ? $"{text} (not saved yet)" : text;
    }

    private async Task EditArgumentsAsync()
    {
        var dialog = await Dialogs.ShowAsync<EditArgumentsDialog>(
            "Arguments",
            new DialogParameters<EditArgumentsDialog> { { d => d.Arguments, arguments } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: List<FunctionArgument> changed })
        {
            arguments = changed;
            await SetDirtyAsync(function is not null && !changed.SequenceEqual(function.Arguments) || dirty);
        }
    }

    private async Task InsertInvokeUrlAsync()
    {
        var connections = await ConnectionDirectory.ListForUserAsync(user, CancellationToken.None);
        var dialog = await Dialogs.ShowAsync<InsertInvokeUrlDialog>(
            "Insert invokeUrl",
            new DialogParameters<InsertInvokeUrlDialog> { { d => d.Connections, connections } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string snippet })
        {
            await codeEditor!.InsertAtCursorAsync(snippet);
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!dirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Unsaved changes",
            "This function has changes that are not saved. Leave and lose them?",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    public ValueTask DisposeAsync()
    {
        runCancellation?.Cancel();
        return ValueTask.CompletedTask;
    }
}
