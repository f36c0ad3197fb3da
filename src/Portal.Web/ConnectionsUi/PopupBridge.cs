using Microsoft.JSInterop;

namespace Portal.Web.ConnectionsUi;

/// <summary>Loads connections.js and relays popup events (opened, blocked, the callback's postMessage) to the page.</summary>
public sealed class PopupBridge(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? module;
    private DotNetObjectReference<PopupBridge>? self;

    public event Func<PopupEvent, Task>? Changed;

    public async Task StartAsync()
    {
        if (module is not null)
        {
            return;
        }

        module = await js.InvokeAsync<IJSObjectReference>("import", "./assets/js/connections.js");
        self ??= DotNetObjectReference.Create(this);
        if (module is not null)
        {
            await module.InvokeVoidAsync("listen", self);
        }
    }

    public async Task<bool> CopyAsync(string text) => module is not null && await module.InvokeAsync<bool>("copy", text);

    [JSInvokable]
    public Task OnPopupOpened(string link) => RaiseAsync(new(PopupEventKind.Opened, link));

    [JSInvokable]
    public Task OnPopupBlocked(string link) => RaiseAsync(new(PopupEventKind.Blocked, link));

    [JSInvokable]
    public Task OnPopupClosed(string link) => RaiseAsync(new(PopupEventKind.ClosedWithoutAnswer, link));

    [JSInvokable]
    public Task OnAuthorizationMessage(string link, string status, string message) =>
        RaiseAsync(new(status == "connected" ? PopupEventKind.Connected : PopupEventKind.Failed, link, message));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null)
            {
                var m = module;
                module = null;
                await m.InvokeVoidAsync("stop", self);
                await m.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to unregister.
        }

        self?.Dispose();
    }

    private Task RaiseAsync(PopupEvent e) => Changed?.Invoke(e) ?? Task.CompletedTask;
}
