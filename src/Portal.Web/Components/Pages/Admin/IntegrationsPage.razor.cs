using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Connections;
using Portal.Web.Components.Pages.Connections;
using Portal.Web.Components.Shared;
using Portal.Web.ConnectionsUi;
using Portal.Web.Integrations;

namespace Portal.Web.Components.Pages.Admin;

public sealed partial class IntegrationsPage
{
    private readonly Dictionary<string, IReadOnlyList<BindableConnection>> connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> selection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IntegrationTestResult> tests = new(StringComparer.Ordinal);
    private IReadOnlyList<IntegrationStatus>? statuses;
    private ClaimsPrincipal principal = new();
    private ConnectionsUser? user;
    private AuthorizeFlow flow = default!;
    private bool busy;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject] private IIntegrationsAdmin Integrations { get; set; } = default!;

    [Inject] private IConnectionsUi Connections { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        principal = (await AuthState).User;
        user = ConnectionsUser.From(principal);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        statuses = await Integrations.ListAsync();
        foreach (var status in statuses)
        {
            var ns = status.Pack.Namespace;
            var choices = await Integrations.ConnectionsForAsync(ns, principal);
            connections[ns] = choices;

            // Keep the admin's pick; otherwise preselect the bound connection or the first one they authorized.
            if (selection.GetValueOrDefault(ns) is not { } picked || choices.All(c => c.LinkName != picked))
            {
                selection[ns] = choices.FirstOrDefault(c => c.LinkName == status.ConnectionLinkName)?.LinkName
                    ?? choices.FirstOrDefault(c => c.AuthorizedByMe)?.LinkName
                    ?? (choices is [var head, ..] ? head.LinkName : null);
            }
        }
    }

    private async Task AuthorizeAsync(BindableConnection connection)
    {
        var view = user is null ? null : await Connections.GetAsync(connection.LinkName, user);
        if (view is null)
        {
            Snackbar.Add($"Connection '{connection.LinkName}' was deleted meanwhile. The list is refreshed.", Severity.Warning);
            await LoadAsync();
            return;
        }

        await flow.StartAsync(view);
    }

    private async Task OnAuthorizedAsync(PopupEvent e)
    {
        if (e.Kind == PopupEventKind.Connected)
        {
            Snackbar.Add($"Connection '{e.LinkName}' is authorized with your account. Click Bind to use it for the integration.", Severity.Success);
        }

        await LoadAsync();
    }

    private async Task BindAsync(IntegrationStatus status, BindableConnection connection)
    {
        busy = true;
        var result = await Integrations.BindAsync(status.Pack.Namespace, connection.LinkName, principal);
        busy = false;
        Report(result, $"{status.Pack.Namespace} is bound to “{connection.Name}”. Its tasks now run with your authorization.");
        tests.Remove(status.Pack.Namespace);
        await LoadAsync();
    }

    private async Task UnbindAsync(IntegrationStatus status)
    {
        var confirmed = await Dialogs.ConfirmDestructiveAsync(
            $"Unbind {status.Pack.Namespace}",
            $"Unbind {status.Pack.DisplayName}? Every function calling {status.Pack.Namespace} tasks fails from now on until an admin binds a connection again.",
            yesText: "Unbind", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        var result = await Integrations.UnbindAsync(status.Pack.Namespace, principal);
        busy = false;
        Report(result, $"{status.Pack.Namespace} is unbound. Functions calling its tasks fail until an admin binds it again.");
        tests.Remove(status.Pack.Namespace);
        await LoadAsync();
    }

    private async Task TestAsync(IntegrationStatus status)
    {
        busy = true;
        tests[status.Pack.Namespace] = await Integrations.TestAsync(status.Pack.Namespace, principal);
        busy = false;
    }

    private void Report(UiResult result, string success) =>
        Snackbar.Add(result.Succeeded ? success : result.Error ?? "That did not work. Reload the page and try again.", result.Succeeded ? Severity.Success : Severity.Error);
}
