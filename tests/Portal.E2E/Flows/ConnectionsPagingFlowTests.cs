using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Connections.Data;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;

namespace Portal.E2E.Flows;

/// <summary>Issue #18 item 4 as a newcomer walks it: a long Connections list pages, survives a reload, a typo and Back.</summary>
public sealed class ConnectionsPagingFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_pages_through_130_connections_and_reload_back_and_a_typo_lose_nothing()
    {
        await SeedAsync(130);
        var page = await browser.NewPageAsync();
        await page.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/connections?tab=all");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-range")).ToHaveTextAsync("1–50 of 130");
        await Assertions.Expect(page.GetByTestId("row-link")).ToHaveCountAsync(50);
        await page.ShootPortalAsync("connections-30-paged");

        await page.GetByTestId("connections-pagination").GetByRole(AriaRole.Button, new() { Name = "Page 3" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connections-range")).ToHaveTextAsync("101–130 of 130");
        await page.WaitForURLAsync("**/connections?tab=all&page=3");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-range")).ToHaveTextAsync("101–130 of 130");
        await Assertions.Expect(page.GetByTestId("row-link").First).ToHaveTextAsync("bulk_0100");

        await page.GetByTestId("row-link").First.ClickAsync();
        await page.WaitForURLAsync("**/connections/bulk_0100");
        await page.GoBackAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-range")).ToHaveTextAsync("101–130 of 130");

        // Back may show the page's last picture for a moment while the circuit takes it over again; a newcomer who
        // types then and sees nothing happen types again, and so does this test.
        await TypeUntilAsync(page, "bulk_01z", page.GetByTestId("clear-filters"));
        await page.ShootPortalAsync("connections-31-no-match");
        await page.GetByTestId("connection-search").FillAsync("bulk_012");
        await Assertions.Expect(page.GetByTestId("connections-range")).ToHaveTextAsync("1–10 of 10 matching");
        await page.WaitForURLAsync("**/connections?tab=all&q=bulk_012");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connection-search")).ToHaveValueAsync("bulk_012");
        await Assertions.Expect(page.GetByTestId("row-link")).ToHaveCountAsync(10);
    }

    private static async Task TypeUntilAsync(IPage page, string text, ILocator expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("connection-search").FillAsync(text);
            try
            {
                await expected.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private async Task SeedAsync(int count)
    {
        using var scope = browser.Portal.Services.CreateScope();
        await using var portalDb = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var admin = await portalDb.Users.SingleAsync(u => u.Email == PortalServer.AdminEmail);
        await using var db = scope.ServiceProvider.GetRequiredService<IConnectionsDbContextFactory>().CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            db.Add(new ConnectionEntity
            {
                Id = Guid.NewGuid(), Name = $"Bulk {i:D4}", LinkName = $"bulk_{i:D4}", ServiceId = i % 2 == 0 ? "sandbox_sheets" : "sandbox_weather",
                RequestedScopesJson = "[\"sheets.read\"]", OwnerUserId = admin.Id, CreatedAt = DateTimeOffset.UtcNow, ConcurrencyToken = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync();
    }
}
