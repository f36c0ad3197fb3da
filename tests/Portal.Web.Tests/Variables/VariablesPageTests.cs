using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Identity;
using Portal.Web.Tests.Functions;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Variables;

namespace Portal.Web.Tests.Variables;

/// <summary>Setup › Variables over the real service and SQLite.</summary>
public sealed class VariablesPageTests : PortalComponentTestContext, IDisposable
{
    private readonly FunctionTestDatabase database = new();
    private readonly OrgVariables variables;

    public VariablesPageTests()
    {
        variables = new OrgVariables(database.Factory, database.Audit, database.Time);
        Services.AddSingleton<IOrgVariables>(variables);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin"));
    }

    void IDisposable.Dispose() => database.Dispose();

    [Fact]
    public async Task An_admin_adds_a_variable_that_scripts_then_read_by_name()
    {
        Render<MudSnackbarProvider>();
        var page = Render<VariablesPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=empty-state]"));

        page.Find("input[data-testid=variable-name]").Change("Support_Email");
        page.Find("input[data-testid=variable-value]").Change("help@example.test");
        page.Find("input[data-testid=variable-description]").Change("Where tickets go");
        await page.InvokeAsync(() => page.Find("[data-testid=variable-save]").Click());

        await page.WaitForAssertionAsync(() => Assert.Equal("Support_Email", page.Find("[data-testid=variable-row-name]").TextContent));
        Assert.Equal("help@example.test", page.Find("[data-testid=variable-row-value]").TextContent);
        Assert.Equal("help@example.test", await variables.ValueOfAsync("support_email", CancellationToken.None));
    }

    [Fact]
    public async Task A_name_scripts_cannot_use_is_refused_with_the_rule()
    {
        var error = await variables.SaveAsync("support email", "x", "", FunctionTestDatabase.Admin);

        Assert.Equal("'support email' cannot be a variable name. Use letters, digits and underscores, starting with a letter (at most 100), e.g. Support_Email.", error);
        Assert.Empty(await variables.ListAsync(FunctionTestDatabase.Admin));
    }

    [Fact]
    public async Task Saving_an_existing_name_in_another_case_updates_it()
    {
        await variables.SaveAsync("Region", "EU", "", FunctionTestDatabase.Admin);

        await variables.SaveAsync("region", "US", "moved", FunctionTestDatabase.Admin);

        var only = Assert.Single(await variables.ListAsync(FunctionTestDatabase.Admin));
        Assert.Equal(("Region", "US", "moved"), (only.Name, only.Value, only.Description));
    }

    [Fact]
    public async Task Only_admins_list_or_change_variables() // SEC-30
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => variables.ListAsync(FunctionTestDatabase.Alice));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => variables.SaveAsync("X", "1", "", FunctionTestDatabase.Bob));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => variables.DeleteAsync(1, FunctionTestDatabase.Alice));
    }
}
