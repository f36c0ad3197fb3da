using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionVisibilityMenuTests : PortalComponentTestContext
{
    private readonly FakeFunctionService service = new() { Details = FakeFunctionService.NewDetails("Sum", "sum", []) };

    public FunctionVisibilityMenuTests() => Services.AddSingleton<IFunctionService>(service);

    [Fact]
    public async Task The_owner_makes_the_function_private_from_the_header_and_the_page_gets_the_changed_function()
    {
        FunctionDetails? changed = null;
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<FunctionVisibilityMenu>(p => p.Add(x => x.Function, service.Details!).Add(x => x.User, FunctionTestDatabase.Alice).Add(x => x.Changed, f => changed = f));
        Assert.Contains("Shared", menu.Find("[data-testid=visibility-menu] button").TextContent, StringComparison.Ordinal);

        menu.Find("[data-testid=visibility-menu] button").Click();
        (await popovers.WaitForElementAsync("[data-testid=visibility-private]")).Click();

        // The menu item's handler is asynchronous; wait for it rather than racing it.
        await menu.WaitForAssertionAsync(() => Assert.Equal([FunctionVisibility.Private], service.VisibilityChanges));
        await menu.WaitForAssertionAsync(() => Assert.Equal(FunctionVisibility.Private, changed?.Visibility));
    }

    [Fact]
    public void Someone_else_sees_the_visibility_but_gets_no_menu_to_change_it()
    {
        var details = service.Details! with { Visibility = FunctionVisibility.Private };

        var menu = Render<FunctionVisibilityMenu>(p => p.Add(x => x.Function, details).Add(x => x.User, FunctionTestDatabase.User("dave", "dave@test.local", Roles.Developer)));

        Assert.Contains("Private", menu.Find("[data-testid=visibility]").TextContent, StringComparison.Ordinal);
        Assert.Empty(menu.FindAll("[data-testid=visibility-menu]"));
        Assert.Empty(service.VisibilityChanges);
    }
}
