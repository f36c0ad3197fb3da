using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Users;

public sealed class UsersPageTests : PortalComponentTestContext
{
    private readonly FakeUserAdminService service = new();

    public UsersPageTests()
    {
        Services.AddSingleton<IUserAdminService>(service);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin);
        service.Users.Add(new UserSummary("u1", "admin@test.local", "Ada Admin", Roles.Admin, false, null, false, DateTimeOffset.UnixEpoch));
        service.Users.Add(new UserSummary("u2", "carol@test.local", null, Roles.User, true, DateTimeOffset.MaxValue, true, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task The_list_shows_every_user_with_role_and_status()
    {
        RenderDialogHost();

        var page = Render<UsersPage>();

        await page.WaitForAssertionAsync(() =>
        {
            var emails = page.FindAll("[data-testid=user-email]").Select(e => e.TextContent).ToList();
            Assert.Equal(["admin@test.local", "carol@test.local"], emails);
        });
        Assert.Contains("Locked", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Must change password", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_role_in_the_table_calls_the_service()
    {
        RenderDialogHost();
        var page = Render<UsersPage>();
        var carolsRole = page.FindComponents<MudSelect<string>>()[1];

        await page.InvokeAsync(() => carolsRole.Instance.ValueChanged.InvokeAsync(Roles.Developer));

        Assert.Equal([("u2", Roles.Developer)], service.RoleChanges);
    }

    [Fact]
    public async Task A_refused_role_change_shows_the_services_reason()
    {
        RenderDialogHost();
        var snackbarHost = Render<MudSnackbarProvider>();
        service.NextError = "admin@test.local is the last admin. Make another user an admin first.";
        var page = Render<UsersPage>();
        var adminsRole = page.FindComponents<MudSelect<string>>()[0];

        await page.InvokeAsync(() => adminsRole.Instance.ValueChanged.InvokeAsync(Roles.User));

        await snackbarHost.WaitForAssertionAsync(() =>
            Assert.Contains("is the last admin", snackbarHost.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_filters_the_list()
    {
        RenderDialogHost();
        var page = Render<UsersPage>();

        page.Find("input").Input("carol");

        await page.WaitForAssertionAsync(() =>
            Assert.Equal(["carol@test.local"], page.FindAll("[data-testid=user-email]").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task Creating_a_user_through_the_dialog_shows_the_temporary_password_once()
    {
        var dialogs = RenderDialogHost();
        var page = Render<UsersPage>();

        await page.InvokeAsync(() => page.Find("[data-testid=new-user]").Click());
        (await dialogs.WaitForElementAsync("input[data-testid=new-user-email]")).Change("dave@test.local");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=create-user-submit]").Click());

        await page.WaitForAssertionAsync(() =>
            Assert.Contains("P-generated-secret", page.Find("[data-testid=temporary-password]").TextContent, StringComparison.Ordinal));
        Assert.Equal([("dave@test.local", Roles.User)], service.Created);
    }
}
