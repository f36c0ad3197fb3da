using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionsPageTests : PortalComponentTestContext
{
    private readonly FakeFunctionService service = new();
    private readonly BunitAuthorizationContext auth;

    public FunctionsPageTests()
    {
        Services.AddSingleton<IFunctionService>(service);
        auth = AddAuthorization();
        auth.SetAuthorized("alice@test.local").SetRoles(Roles.Developer);
        service.Functions.Add(new FunctionSummary(1, "Append row", "append_row", "Adds a row to the team sheet", [new("sheet", "text"), new("values", "list")], DateTimeOffset.UnixEpoch, FunctionRunStatus.Failed, DateTimeOffset.UnixEpoch));
        service.Functions.Add(new FunctionSummary(2, "Greet", "greet", null, [], DateTimeOffset.UnixEpoch, null, null, FunctionVisibility.Private));
    }

    [Fact]
    public async Task The_list_shows_name_api_name_arguments_and_last_run_status()
    {
        RenderDialogHost();

        var page = Render<FunctionsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(["append_row", "greet"], page.FindAll("[data-testid=function-api-name]").Select(e => e.TextContent)));
        Assert.Contains("sheet: text", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["Failed", "never run"], page.FindAll("[data-testid=run-status]").Select(e => e.TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=function-private]"));
    }

    [Fact]
    public async Task Searching_filters_by_description()
    {
        RenderDialogHost();
        var page = Render<FunctionsPage>();

        page.Find("[data-testid=functions-search]").Input("team sheet");

        await page.WaitForAssertionAsync(() => Assert.Equal(["append_row"], page.FindAll("[data-testid=function-api-name]").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task Users_see_functions_but_no_create_duplicate_or_delete_buttons()
    {
        auth.SetRoles(Roles.User);
        RenderDialogHost();

        var page = Render<FunctionsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=function-api-name]").Count));
        Assert.Empty(page.FindAll("[data-testid=new-function]"));
        Assert.Empty(page.FindAll("[data-testid=delete-function]"));
        Assert.Empty(page.FindAll("[data-testid=duplicate-function]"));
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_calls_the_service()
    {
        var host = RenderDialogHost();
        var page = Render<FunctionsPage>();

        await page.InvokeAsync(() => page.FindAll("[data-testid=delete-function] button, button[data-testid=delete-function]")[0].Click());
        await host.WaitForAssertionAsync(() => Assert.Contains("Delete Append row (append_row)", host.Markup, StringComparison.Ordinal));
        await host.InvokeAsync(() => host.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click());

        await page.WaitForAssertionAsync(() => Assert.Equal([1], service.Deleted));
    }

    [Fact]
    public async Task Duplicating_calls_the_service()
    {
        RenderDialogHost();
        var page = Render<FunctionsPage>();

        await page.InvokeAsync(() => page.FindAll("[data-testid=duplicate-function] button, button[data-testid=duplicate-function]")[1].Click());

        Assert.Equal([2], service.Duplicated);
    }
}
