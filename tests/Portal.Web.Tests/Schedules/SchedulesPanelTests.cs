using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Connections.Api;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.ConnectionsHost;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Schedules;
using Portal.Web.Identity;
using Portal.Web.Tests.Functions;
using Portal.Web.Tests.Infrastructure;
using Quartz;

namespace Portal.Web.Tests.Schedules;

/// <summary>The Schedules tab on the real schedule service, over a Quartz scheduler that stores but (not started) never fires.</summary>
public sealed class SchedulesPanelTests : PortalComponentTestContext
{
    private readonly FunctionTestDatabase database = new();
    private readonly FunctionDetails function;

    public SchedulesPanelTests()
    {
        using (var db = database.Factory.CreateDbContext())
        {
            db.Roles.Add(new IdentityRole(Roles.Developer) { Id = "role-dev", NormalizedName = "DEVELOPER" });
            db.Users.Add(new ApplicationUser { Id = "alice", UserName = "alice@test.local", Email = "alice@test.local" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "alice", RoleId = "role-dev" });
            db.SaveChanges();
        }

        Services.AddQuartz(q => q.UseInMemoryStore());
        Services.AddSingleton<IConnectionsUserDirectory>(new IdentityConnectionsUserDirectory(database.Factory));
        Services.AddSingleton<ScheduleRunAs>();
        Services.AddSingleton(sp => new FunctionScheduleService(
            sp.GetRequiredService<ISchedulerFactory>(), database.Factory, sp.GetRequiredService<ScheduleRunAs>(), database.Audit, TimeProvider.System,
            Options.Create(new ScheduleOptions { DefaultTimeZone = "Europe/Berlin" })));
        var service = new FunctionService(database.Factory, database.Audit, database.Time);
        function = service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Report", "report", null, [new("city", "text")], "return city;")).GetAwaiter().GetResult().Function!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public async Task The_owner_adds_a_schedule_in_the_dialog_switches_it_off_and_deletes_it_after_a_red_confirmation()
    {
        var host = RenderDialogHost();
        var panel = RenderPanel(FunctionTestDatabase.Alice);
        Assert.NotEmpty(panel.FindAll("[data-testid=schedules-empty]"));

        panel.Find("[data-testid=schedule-add]").Click();
        var preview = await host.WaitForElementAsync("[data-testid=schedule-preview]");
        Assert.Contains("Every day at 09:00 Europe/Berlin", preview.TextContent, StringComparison.Ordinal);
        host.Find("input[data-testid=schedule-arg-city]").Input("Lisbon");
        host.Find("[data-testid=schedule-save]").Click();

        await panel.WaitForAssertionAsync(() => Assert.Single(panel.FindAll("[data-testid=schedule-row]")));
        Assert.Equal("Every day at 09:00 Europe/Berlin", panel.Find("[data-testid=schedule-description]").TextContent.Trim());
        Assert.Contains("as alice@test.local · city = Lisbon", panel.Find("[data-testid=schedule-run-as-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, panel.FindAll("[data-testid=schedule-next] .schedule-next-run").Count);
        Assert.All(panel.FindAll("[data-testid=schedule-next] .schedule-next-run"), r => Assert.EndsWith("09:00", r.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("never", panel.Find("[data-testid=schedule-last]").TextContent.Trim());

        panel.Find("input[data-testid=schedule-switch]").Change(false);
        await panel.WaitForAssertionAsync(() => Assert.Equal("false", panel.Find("[data-testid=schedule-row]").GetAttribute("data-enabled")));
        Assert.Equal("Off", panel.Find("[data-testid=schedule-next]").TextContent.Trim());

        panel.Find("[data-testid=schedule-delete]").Click();
        await host.WaitForAssertionAsync(() => Assert.Contains("stops firing at once", host.Markup, StringComparison.Ordinal));
        host.FindAll("button").Last(b => b.TextContent.Trim() == "Delete").Click();
        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll("[data-testid=schedules-empty]")));
    }

    [Fact]
    public async Task A_cron_expression_that_does_not_parse_is_explained_in_the_dialog_and_cannot_be_saved()
    {
        var host = RenderDialogHost();
        var panel = RenderPanel(FunctionTestDatabase.Alice);
        panel.Find("[data-testid=schedule-add]").Click();
        await host.WaitForElementAsync("[data-testid=schedule-preview]");

        var kind = host.FindComponent<MudBlazor.MudSelect<FunctionScheduleKind>>();
        await host.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(FunctionScheduleKind.Cron));
        host.Find("input[data-testid=schedule-cron]").Input("0 0 9 ? * FUNDAY");

        await host.WaitForAssertionAsync(() => Assert.Contains("is not a valid cron expression", host.Find("[data-testid=schedule-problem]").TextContent, StringComparison.Ordinal));
        Assert.True(host.Find("[data-testid=schedule-save]").HasAttribute("disabled"));
    }

    // SEC-36
    [Theory]
    [InlineData(Roles.Developer)]
    [InlineData(Roles.User)]
    public async Task Someone_who_may_not_change_the_function_sees_its_schedules_read_only(string role)
    {
        var created = await Services.GetRequiredService<FunctionScheduleService>().CreateAsync(FunctionTestDatabase.Alice, function.Id,
            new FunctionScheduleDefinition { Kind = FunctionScheduleKind.EveryHours, Every = 2, TimeZone = "UTC" });
        Assert.True(created.Succeeded, created.Error);

        var panel = RenderPanel(FunctionTestDatabase.User("dave", "dave@test.local", role));

        await panel.WaitForAssertionAsync(() => Assert.Single(panel.FindAll("[data-testid=schedule-row]")));
        Assert.Empty(panel.FindAll("[data-testid=schedule-add]"));
        Assert.Empty(panel.FindAll("[data-testid=schedule-edit]"));
        Assert.Empty(panel.FindAll("[data-testid=schedule-delete]"));
        Assert.True(panel.Find("input[data-testid=schedule-switch]").HasAttribute("disabled"));
        Assert.NotEmpty(panel.FindAll("[data-testid=schedules-readonly]"));
    }

    private IRenderedComponent<SchedulesPanel> RenderPanel(System.Security.Claims.ClaimsPrincipal user) =>
        Render<SchedulesPanel>(p => p.Add(x => x.Function, function).Add(x => x.User, user));
}
