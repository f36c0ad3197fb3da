using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class NewFunctionDialogTests : PortalComponentTestContext
{
    private readonly FakeFunctionService service = new();

    public NewFunctionDialogTests()
    {
        Services.AddSingleton<IFunctionService>(service);
        AddAuthorization().SetAuthorized("alice@test.local").SetRoles(Roles.Developer);
    }

    [Fact]
    public async Task The_api_name_is_derived_live_from_the_name()
    {
        var host = await OpenAsync();

        host.Find("input[data-testid=new-function-name]").Input("Append Row to Sheet");

        await host.WaitForAssertionAsync(() => Assert.Equal("append_row_to_sheet", host.Find("input[data-testid=new-function-api-name]").GetAttribute("value")));
    }

    [Fact]
    public async Task A_taken_api_name_is_reported_and_nothing_is_created()
    {
        service.TakenApiNames.Add("append_row");
        var host = await OpenAsync();

        host.Find("input[data-testid=new-function-name]").Input("Append row");
        await host.InvokeAsync(() => host.Find("[data-testid=new-function-submit]").Click());

        await host.WaitForAssertionAsync(() => Assert.Contains("already exists", host.Markup, StringComparison.Ordinal));
        Assert.Empty(service.Created);
    }

    [Fact]
    public async Task A_malformed_api_name_is_reported()
    {
        var host = await OpenAsync();

        host.Find("input[data-testid=new-function-name]").Input("Sum");
        host.Find("input[data-testid=new-function-api-name]").Input("Sum-It");

        await host.WaitForAssertionAsync(() => Assert.Contains("lower-case letters, digits or underscores", host.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_sends_name_api_name_description_and_typed_arguments()
    {
        var host = await OpenAsync();
        host.Find("input[data-testid=new-function-name]").Input("Append row");
        host.Find("textarea[data-testid=new-function-description], input[data-testid=new-function-description]").Change("Adds a row");
        await host.InvokeAsync(() => host.Find("[data-testid=add-argument]").Click());
        host.Find("input[data-testid=argument-name]").Change("sheet");
        var typeSelect = host.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Type");
        await host.InvokeAsync(() => typeSelect.Instance.ValueChanged.InvokeAsync(FunctionArgumentTypes.Number));

        await host.InvokeAsync(() => host.Find("[data-testid=new-function-submit]").Click());

        await host.WaitForAssertionAsync(() => Assert.Single(service.Created));
        var draft = service.Created[0];
        Assert.Equal(("Append row", "append_row", "Adds a row"), (draft.Name, draft.ApiName, draft.Description));
        Assert.Equal([new FunctionArgument("sheet", "number")], draft.Arguments);
    }

    [Fact]
    public async Task A_busy_database_keeps_the_dialog_open_with_what_was_entered_and_says_why()
    {
        service.CreateFailure = BusyDatabase.SaveFailure();
        var host = await OpenAsync();
        host.Find("input[data-testid=new-function-name]").Input("Append row");

        await host.InvokeAsync(() => host.Find("[data-testid=new-function-submit]").Click());

        await host.WaitForAssertionAsync(() => Assert.Equal(DatabaseBusy.Message, host.Find("[data-testid=new-function-error]").TextContent));
        Assert.Equal("Append row", host.Find("input[data-testid=new-function-name]").GetAttribute("value"));
        Assert.False(host.Find("[data-testid=new-function-submit]").HasAttribute("disabled"));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<NewFunctionDialog>("New function"));
        await host.WaitForElementAsync("input[data-testid=new-function-name]");
        return host;
    }
}
