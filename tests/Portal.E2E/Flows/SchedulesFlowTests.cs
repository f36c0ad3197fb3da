using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>Issue #17 item 4 as a newcomer walks it: a daily schedule added from the function page, a typo caught in the dialog.</summary>
public sealed class SchedulesFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_developer_adds_a_daily_schedule_after_a_typo_and_sees_its_next_runs()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("alice@portal.local", "Portal-demo-2026");
        await page.WaitForInteractiveAsync();
        await page.CreateFunctionAsync("Nightly report", "nightly_report");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Schedules" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedules-empty")).ToBeVisibleAsync();
        await page.ShootPortalAsync("schedules-01-empty");

        await page.GetByTestId("schedule-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("schedule-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Daily" }).ClickAsync();
        await page.GetByTestId("schedule-at").FillAsync("9:7x");
        await Assertions.Expect(page.GetByTestId("schedule-problem")).ToBeVisibleAsync();
        await page.ShootPortalAsync("schedules-02-typo");

        await page.GetByTestId("schedule-at").FillAsync("09:00");
        await Assertions.Expect(page.GetByTestId("schedule-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("schedule-preview")).ToContainTextAsync("09:00");
        await page.GetByTestId("schedule-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("schedule-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("schedule-description")).ToContainTextAsync("09:00");
        await Assertions.Expect(page.GetByTestId("schedule-next")).ToContainTextAsync("09:00");
        await page.ShootPortalAsync("schedules-03-daily");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Schedules" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-row")).ToHaveCountAsync(1);
    }
}
