using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Scripting.Values;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.ConnectionsUi;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionEditorPageTests : PortalComponentTestContext
{
    private readonly FunctionTestDatabase database = new();
    private readonly FakeFunctionService service = new();
    private readonly FakeFunctionRunner runner = new();
    private readonly BunitAuthorizationContext auth;
    private readonly FakeConnectionsUi connections = new();

    public FunctionEditorPageTests()
    {
        service.Details = FakeFunctionService.NewDetails("Sum", "sum", [new("a", "number"), new("tags", "list")]) with { Code = "return a;" };
        Services.AddSingleton<IFunctionService>(service);
        Services.AddSingleton<IFunctionRunner>(runner);
        Services.AddSingleton<IConnectionDirectory, EmptyConnectionDirectory>();
        Services.AddSingleton<IConnectionsUi>(connections);
        Services.AddSingleton(database.Factory);
        Services.AddScoped<UserPreferences>();
        Services.AddSingleton(new FunctionApiKeyService(database.Factory, database.Audit, database.Time));
        Services.AddOptions();
        auth = AddAuthorization();
        auth.SetAuthorized("alice@test.local").SetRoles(Roles.Developer).SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "alice"));
        JSInterop.Setup<string>("blazorMonaco.editor.getValue", _ => true).SetResult("return a * 2;");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public async Task Developers_get_the_editor_with_save_and_insert_invokeurl()
    {
        RenderDialogHost();

        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));

        await page.WaitForElementAsync("#function-code");
        Assert.NotEmpty(page.FindAll("[data-testid=save-function]"));
        Assert.NotEmpty(page.FindAll("[data-testid=insert-invokeurl]"));
        Assert.Contains("standalone.sum()", page.Find("[data-testid=editor-api-name]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_s_dot_completion_puts_the_receiver_s_methods_first()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("#function-code");

        var ranking = page.FindComponent<FunctionCodeEditor>().Instance.RankMethods("tags = List();\ntags.", 2, 6);

        Assert.Equal("list", ranking.Receiver);
        Assert.True(ranking.Labels.ToList().IndexOf("sum") < ranking.Labels.ToList().IndexOf("toUpperCase"));
    }

    [Fact]
    public async Task The_rest_api_tab_shows_this_functions_execute_url()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("#function-code");

        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "REST API").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("http://localhost/api/v1/functions/sum/actions/execute", page.Find("[data-testid=token-url-text]").TextContent));
        Assert.Contains("Shared", page.Find("[data-testid=visibility-menu]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_can_run_but_not_change_the_function()
    {
        auth.SetRoles(Roles.User);
        RenderDialogHost();

        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));

        await page.WaitForElementAsync("[data-testid=run-button]");
        Assert.Empty(page.FindAll("[data-testid=save-function]"));
        Assert.Empty(page.FindAll("[data-testid=insert-invokeurl]"));
        Assert.Contains("Only its owner and admins can change its code", page.Markup, StringComparison.Ordinal);
    }

    // SEC-36
    [Fact]
    public async Task A_developer_who_does_not_own_the_function_can_run_but_not_change_it()
    {
        service.Details = service.Details! with { OwnerUserId = "admin" };
        RenderDialogHost();

        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));

        await page.WaitForElementAsync("[data-testid=run-button]");
        Assert.Empty(page.FindAll("[data-testid=save-function]"));
        Assert.Empty(page.FindAll("[data-testid=edit-arguments]"));
        Assert.Contains("Only its owner and admins can change its code; duplicate it to work on your own copy", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_name_says_the_function_was_not_found()
    {
        RenderDialogHost();

        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "nope"));

        await page.WaitForAssertionAsync(() => Assert.Contains("There is no function nope", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnostics_from_the_editor_are_listed_with_their_line_and_mark_the_function_unsaved()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("#function-code");

        var markers = await page.InvokeAsync(() => page.FindComponent<FunctionCodeEditor>().Instance.Diagnose("x = 1;\ny = ;"));

        Assert.Equal(2, Assert.Single(markers).StartLineNumber);
        await page.WaitForAssertionAsync(() => Assert.Contains("Line 2, column", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Contains("1 problem", page.Find("[data-testid=problem-count]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Unsaved changes", page.Find("[data-testid=editor-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_are_listed_as_warnings_apart_from_the_problems()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("#function-code");

        var markers = await page.InvokeAsync(() => page.FindComponent<FunctionCodeEditor>().Instance.Diagnose("x = 1;\nif(x = 1)\n{\n  y = ;\n}"));

        Assert.Equal(["warning", "error"], markers.Select(m => m.Severity));
        await page.WaitForAssertionAsync(() => Assert.Equal(["warning", "error"], page.FindAll("div.problem").Select(p => p.GetAttribute("data-severity"))));
        Assert.Contains("1 problem", page.Find("[data-testid=problem-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 warning", page.Find("[data-testid=warning-count]").TextContent);
    }

    [Fact]
    public async Task Running_sends_typed_argument_values_and_the_editor_code_then_shows_the_output()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("[data-testid=run-button]");
        page.Find("input[data-testid=arg-a]").Change("21");
        page.Find("textarea[data-testid=arg-tags]").Change("[\"x\"]");

        await page.InvokeAsync(() => page.Find("[data-testid=run-button]").Click());

        await page.WaitForAssertionAsync(() => Assert.Contains("ran", page.Find("[data-testid=run-info]").TextContent, StringComparison.Ordinal));
        var request = Assert.Single(runner.Requests);
        Assert.Equal("return a * 2;", request.Code);
        Assert.Equal(ScriptValueKind.Number, request.Values["a"].Kind);
        Assert.Equal(ScriptValueKind.List, request.Values["tags"].Kind);
    }

    [Fact]
    public async Task A_wrongly_typed_argument_is_reported_and_nothing_runs()
    {
        RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("[data-testid=run-button]");
        page.Find("input[data-testid=arg-a]").Change("twenty");

        await page.InvokeAsync(() => page.Find("[data-testid=run-button]").Click());

        await page.WaitForAssertionAsync(() => Assert.Contains("is not a whole number", page.Markup, StringComparison.Ordinal));
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task A_busy_database_on_save_says_so_and_keeps_the_code_unsaved_in_the_editor()
    {
        service.UpdateFailure = BusyDatabase.SaveFailure();
        RenderDialogHost();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("[data-testid=save-function]");
        await page.InvokeAsync(() => page.FindComponent<FunctionCodeEditor>().Instance.Diagnose("return a * 2;"));

        await page.InvokeAsync(() => page.Find("[data-testid=save-function]").Click());

        await snackbars.WaitForAssertionAsync(() => Assert.Contains("The database is busy, so this version was not saved", snackbars.Markup, StringComparison.Ordinal));
        Assert.Contains("Unsaved changes", page.Find("[data-testid=editor-state]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "portalFunctionEditor.setDirty" && i.Arguments is [false, ..]);
    }

    [Fact]
    public async Task Opened_from_a_connection_the_editor_starts_with_that_connections_sample_code_above_the_function()
    {
        var snippet = InvokeUrlSnippet.Format("team_sheets", "http://127.0.0.1:5100/api/sheets/v1/spreadsheets");
        connections.Views["team_sheets"] = new ConnectionView(
            FakeConnectionsUi.Summary("team_sheets", "Team Sheets", "alice", ConnectionMode.OwnerCredentials, AuthorizationStatus.Connected),
            "Alice", ServiceAuthType.OAuth2AuthorizationCode, [], [], [], snippet, "", CanManage: true, CanAuthorize: true, []);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "alice"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/functions/sum?connection=team_sheets");
        RenderDialogHost();

        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));

        await page.WaitForElementAsync("#function-code");
        var options = JSInterop.Invocations.Single(i => i.Identifier == "blazorMonaco.editor.create").Arguments.OfType<System.Text.Json.JsonElement>().Single();
        Assert.Equal(snippet + "\n\nreturn a;", options.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Adding_an_argument_counts_it_and_says_it_is_not_saved_yet()
    {
        var dialogs = RenderDialogHost();
        var page = Render<FunctionEditorPage>(p => p.Add(x => x.ApiName, "sum"));
        await page.WaitForElementAsync("[data-testid=edit-arguments]");
        Assert.Contains("2 arguments", page.Find("[data-testid=editor-state]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=edit-arguments]").Click());
        await dialogs.WaitForElementAsync("[data-testid=add-argument]");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=add-argument]").Click());
        await dialogs.InvokeAsync(() => dialogs.FindAll("input[data-testid=argument-name]")[^1].Change("count"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=arguments-apply]").Click());

        await page.WaitForAssertionAsync(() => Assert.Contains("3 arguments (not saved yet)", page.Find("[data-testid=editor-state]").TextContent, StringComparison.Ordinal));
    }
}
