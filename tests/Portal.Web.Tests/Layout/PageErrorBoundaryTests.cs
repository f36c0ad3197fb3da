using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Layout;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Layout;

public sealed class PageErrorBoundaryTests : PortalComponentTestContext
{
    [Fact]
    public async Task A_busy_database_in_an_action_says_so_in_place_of_the_page_and_try_again_brings_the_page_back()
    {
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(x => x.Failure, BusyDatabase.SaveFailure)));

        await boundary.InvokeAsync(() => boundary.Find("[data-testid=fail]").Click());

        await boundary.WaitForAssertionAsync(() => Assert.Contains(DatabaseBusy.Message, boundary.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("The portal is busy", boundary.Markup, StringComparison.Ordinal);
        Assert.Empty(boundary.FindAll("[data-testid=fail]"));

        await boundary.InvokeAsync(() => boundary.Find("[data-testid=page-error-retry]").Click());

        await boundary.WaitForAssertionAsync(() => Assert.NotEmpty(boundary.FindAll("[data-testid=fail]")));
        Assert.Empty(boundary.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task Any_other_failure_keeps_the_portal_usable_and_says_saved_work_is_safe()
    {
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(x => x.Failure, () => new InvalidOperationException("boom"))));

        await boundary.InvokeAsync(() => boundary.Find("[data-testid=fail]").Click());

        await boundary.WaitForAssertionAsync(() => Assert.Contains("Something went wrong on this page", boundary.Markup, StringComparison.Ordinal));
        Assert.Contains("Your saved work is safe", boundary.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", boundary.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigating_elsewhere_recovers_the_boundary()
    {
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(x => x.Failure, () => new InvalidOperationException("boom"))));
        await boundary.InvokeAsync(() => boundary.Find("[data-testid=fail]").Click());
        await boundary.WaitForElementAsync("[data-testid=page-error]");

        await boundary.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("/functions"));

        await boundary.WaitForAssertionAsync(() => Assert.Empty(boundary.FindAll("[data-testid=page-error]")));
    }

    [Fact]
    public async Task A_dialog_action_that_fails_is_caught_like_a_page_action()
    {
        Render<MudPopoverProvider>();
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<MudDialogProvider>());
        var dialogs = Services.GetRequiredService<IDialogService>();
        await boundary.InvokeAsync(() => dialogs.ShowAsync<FailingPage>("Failing", new DialogParameters<FailingPage> { { x => x.Failure, BusyDatabase.SaveFailure } }));
        await boundary.WaitForElementAsync("[data-testid=fail]");

        await boundary.InvokeAsync(() => boundary.Find("[data-testid=fail]").Click());

        await boundary.WaitForAssertionAsync(() => Assert.Contains(DatabaseBusy.Message, boundary.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }

    /// <summary>A page (or dialog) whose button's action throws what it is given.</summary>
    private sealed class FailingPage : ComponentBase
    {
        [Parameter]
        public Func<Exception> Failure { get; set; } = () => new InvalidOperationException();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "fail");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => throw Failure()));
            builder.CloseElement();
        }
    }
}
