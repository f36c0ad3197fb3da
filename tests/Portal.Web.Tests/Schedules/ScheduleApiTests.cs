using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Schedules;

/// <summary>/api/v1/functions/{api_name}/schedules on the real portal, from the owner's side and from everyone else's.</summary>
public sealed class ScheduleApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string Carol = "carol.dev@test.local";

    [Fact]
    public async Task The_owner_adds_lists_switches_off_and_deletes_a_weekly_schedule()
    {
        var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return city;", new { name = "city", type = "text" });

        var created = await alice.PostAsJsonAsync(Schedules(apiName), new
        {
            kind = "weekly", days = new[] { "friday", "monday", "tuesday", "wednesday", "thursday" }, at = "9:00", time_zone = "Europe/Berlin",
            arguments = new { city = "Lisbon" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Every weekday at 09:00 Europe/Berlin", schedule.GetProperty("description").GetString());
        Assert.Equal(FunctionsApiClient.Alice, schedule.GetProperty("run_as").GetString());
        Assert.Equal("Lisbon", schedule.GetProperty("arguments").GetProperty("city").GetString());
        Assert.True(schedule.GetProperty("enabled").GetBoolean());
        Assert.Equal(3, schedule.GetProperty("next_runs").GetArrayLength());
        Assert.All(schedule.GetProperty("next_runs").EnumerateArray(), at =>
        {
            var local = TimeZoneInfo.ConvertTime(at.GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
            Assert.Equal((9, 0), (local.Hour, local.Minute));
            Assert.NotEqual(DayOfWeek.Saturday, local.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        });
        var id = schedule.GetProperty("id").GetString()!;
        var listed = await alice.GetFromJsonAsync<JsonElement>(Schedules(apiName));
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());

        var off = await alice.PutAsJsonAsync($"{Schedules(apiName)}/{id}", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var switchedOff = await off.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(switchedOff.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, switchedOff.GetProperty("next_runs").GetArrayLength());
        Assert.Equal("Every weekday at 09:00 Europe/Berlin", switchedOff.GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"{Schedules(apiName)}/{id}")).StatusCode);
        Assert.Equal(0, (await alice.GetFromJsonAsync<JsonElement>(Schedules(apiName))).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.DeleteAsync($"{Schedules(apiName)}/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"kind": "cron", "cron": "0 0 25 * * ?"}""", "is not a valid cron expression")]
    [InlineData("""{"kind": "cron", "cron": "0 0 9 1 1 ? 2001"}""", "never fires after now")]
    [InlineData("""{"kind": "every_minutes", "every": 90}""", "between 1 and 59")]
    [InlineData("""{"kind": "daily", "at": "25:00"}""", "is not a time of day")]
    [InlineData("""{"kind": "daily", "at": "09:00", "time_zone": "Mars/Olympus"}""", "is not a time zone")]
    [InlineData("""{"kind": "daily", "at": "09:00", "arguments": {"town": "x"}}""", "has no argument 'town'")]
    [InlineData("""{"kind": "daily", "at": "09:00", "arguments": {"count": "many"}}""", "is not a whole number")]
    public async Task A_schedule_that_cannot_run_is_refused_with_what_to_fix(string body, string message)
    {
        var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return count;", new { name = "count", type = "number" });

        var response = await alice.PostAsync(Schedules(apiName), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await alice.GetFromJsonAsync<JsonElement>(Schedules(apiName))).GetArrayLength());
    }

    // SEC-36
    [Theory]
    [InlineData(Carol)]
    [InlineData(FunctionsApiClient.Bob)]
    public async Task Someone_who_may_not_change_the_function_can_read_its_schedules_but_not_add_change_or_delete_them(string email)
    {
        await EnsureDeveloperAsync(Carol);
        var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var created = await (await alice.PostAsJsonAsync(Schedules(apiName), new { kind = "daily", at = "07:30" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var other = await FunctionsApiClient.ForAsync(factory, email);

        var add = await other.PostAsJsonAsync(Schedules(apiName), new { kind = "every_minutes", every = 1 });
        var change = await other.PutAsJsonAsync($"{Schedules(apiName)}/{id}", new { kind = "every_minutes", every = 1 });
        var off = await other.PutAsJsonAsync($"{Schedules(apiName)}/{id}", new { enabled = false });
        var delete = await other.DeleteAsync($"{Schedules(apiName)}/{id}");

        Assert.All([add, change, off, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("Only the function's owner (alice@portal.local) and admins", (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var seen = Assert.Single((await other.GetFromJsonAsync<JsonElement>(Schedules(apiName))).EnumerateArray());
        Assert.Equal("Every day at 07:30 UTC", seen.GetProperty("description").GetString());
        Assert.True(seen.GetProperty("enabled").GetBoolean());
    }

    // SEC-36
    [Fact]
    public async Task A_schedule_runs_as_the_owner_or_the_person_setting_it_up_never_as_a_third_user()
    {
        var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);

        var asBob = await alice.PostAsJsonAsync(Schedules(apiName), new { kind = "daily", at = "07:30", run_as = FunctionsApiClient.Bob });
        var adminAsBob = await admin.PostAsJsonAsync(Schedules(apiName), new { kind = "daily", at = "07:30", run_as = FunctionsApiClient.Bob });
        var adminAsItself = await admin.PostAsJsonAsync(Schedules(apiName), new { kind = "daily", at = "07:30", run_as = PortalWebFactory.AdminEmail });
        var adminDefault = await admin.PostAsJsonAsync(Schedules(apiName), new { kind = "daily", at = "07:30" });

        Assert.Equal(HttpStatusCode.BadRequest, asBob.StatusCode);
        Assert.Contains("runs as the function's owner or as the person who sets it up", await asBob.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, adminAsBob.StatusCode);
        Assert.Equal(PortalWebFactory.AdminEmail, (await adminAsItself.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_as").GetString());
        Assert.Equal(FunctionsApiClient.Alice, (await adminDefault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_as").GetString());
    }

    private static string Schedules(string apiName) => $"/api/v1/functions/{apiName}/schedules";

    private async Task EnsureDeveloperAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, "Carol-password-2026");
            Assert.True(created.Succeeded || created.Errors.Any(e => e.Code == "DuplicateUserName"), string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Developer);
        }
    }
}
