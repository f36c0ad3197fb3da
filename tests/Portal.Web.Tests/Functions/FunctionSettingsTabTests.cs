using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionSettingsTabTests : PortalComponentTestContext
{
    private readonly FakeFunctionService service = new() { Details = FakeFunctionService.NewDetails("Sum", "sum", []) };

    public FunctionSettingsTabTests() => Services.AddSingleton<IFunctionService>(service);

    [Fact]
    public void The_owner_makes_the_function_private_and_the_page_gets_the_changed_function()
    {
        FunctionDetails? changed = null;
        var tab = Render<FunctionSettingsTab>(p => p.Add(x => x.Function, service.Details!).Add(x => x.User, FunctionTestDatabase.Alice).Add(x => x.Changed, f => changed = f));

        tab.Find("input[data-testid=visibility-private]").Click();

        Assert.Equal([FunctionVisibility.Private], service.VisibilityChanges);
        Assert.Equal(FunctionVisibility.Private, changed?.Visibility);
        Assert.Empty(tab.FindAll("[data-testid=visibility-readonly]"));
    }

    [Fact]
    public void Someone_else_sees_the_visibility_but_cannot_change_it()
    {
        var tab = Render<FunctionSettingsTab>(p => p.Add(x => x.Function, service.Details!).Add(x => x.User, FunctionTestDatabase.User("dave", "dave@test.local", Roles.Developer)));

        Assert.NotEmpty(tab.FindAll("[data-testid=visibility-readonly]"));
        Assert.All(tab.FindAll("[data-testid=visibility] input"), i => Assert.True(i.HasAttribute("disabled")));
    }
}
