using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>One bUnit base for portal components: MudBlazor services, loose JS interop and the popover/dialog hosts.</summary>
public abstract class PortalComponentTestContext : BunitContext, IAsyncLifetime
{
    protected PortalComponentTestContext()
    {
        // bUnit's default of one second is too tight for a two-core CI runner running test classes in parallel;
        // a wait still ends the moment its condition holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<Portal.Connections.IConnectionsWording, Portal.Web.ConnectionsHost.PortalConnectionsWording>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers async-only disposables; xunit v2 must dispose the container asynchronously first.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected IRenderedComponent<MudDialogProvider> RenderDialogHost()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }
}
