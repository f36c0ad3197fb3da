using System.Text.RegularExpressions;
using Portal.Cli.Commands.Remote;

namespace Portal.Cli.Tests.RoundTrip;

/// <summary>portal schedule list|add|remove|enable|disable against the real portal's schedules API.</summary>
public sealed partial class CliScheduleTests(RunningPortal portal) : IClassFixture<RunningPortal>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("portal-cli-schedule").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Schedules_are_added_listed_switched_off_and_on_and_removed_from_the_command_line()
    {
        await LoginAndPushAsync("cli_report", "return city;", "city:text");

        var weekly = await RunAsync("schedule", "add", "cli_report", "--weekly", "weekdays", "--at", "9:00", "--tz", "Europe/Berlin", "--arg", "city=Porto");
        var often = await RunAsync("schedule", "add", "cli_report", "--every", "15m", "--disabled");
        var list = await RunAsync("schedule", "list", "cli_report");

        Assert.Equal(ExitCodes.Success, weekly.Exit);
        Assert.Matches(@"^added schedule [0-9a-f]{32}: on   Every weekday at 09:00 Europe/Berlin  as alice@portal\.local  next \d{4}-\d\d-\d\d (07|08):00:00 UTC\n$", weekly.Output);
        Assert.Matches(@"^added schedule [0-9a-f]{32}: off  Every 15 minutes  as alice@portal\.local\n$", often.Output);
        var lines = list.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Every weekday at 09:00 Europe/Berlin", lines[0], StringComparison.Ordinal);
        Assert.Contains("off  Every 15 minutes", lines[1], StringComparison.Ordinal);

        var id = Id().Match(often.Output).Value;
        var enable = await RunAsync("schedule", "enable", "cli_report", id);
        var disable = await RunAsync("schedule", "disable", "cli_report", id);
        var remove = await RunAsync("schedule", "remove", "cli_report", id);
        var after = await RunAsync("schedule", "list", "cli_report");

        Assert.Matches($@"^enabled schedule {id}: Every 15 minutes  next \d{{4}}-\d\d-\d\d \d\d:(00|15|30|45):00 UTC\n$", enable.Output);
        Assert.Equal($"disabled schedule {id}: Every 15 minutes\n", disable.Output);
        Assert.Equal($"removed schedule {id} of cli_report\n", remove.Output);
        Assert.Single(after.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Mistakes_are_reported_as_the_portal_or_the_command_line_explains_them()
    {
        await LoginAndPushAsync("cli_plain", "return 1;");

        var badCron = await RunAsync("schedule", "add", "cli_plain", "--cron", "0 0 9 ? * FUNDAY");
        var noKind = await RunAsync("schedule", "add", "cli_plain", "--tz", "UTC");
        var badDay = await RunAsync("schedule", "add", "cli_plain", "--weekly", "mon,someday", "--at", "09:00");
        var noId = await RunAsync("schedule", "remove", "cli_plain");
        var unknown = await RunAsync("schedule", "remove", "cli_plain", "0000");
        var empty = await RunAsync("schedule", "list", "cli_plain");

        Assert.Equal(ExitCodes.Failed, badCron.Exit);
        Assert.Contains("error: 400 '0 0 9 ? * FUNDAY' is not a valid cron expression", badCron.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noKind.Exit);
        Assert.StartsWith("error: say when it runs: --every 15m", noKind.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: 'someday' is not a day", badDay.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: schedule remove needs the function's API name and the schedule's id", noId.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, unknown.Exit);
        Assert.Contains("error: 404 This schedule no longer exists", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("cli_plain has no schedules\n", empty.Output);
    }

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex Id();

    private string ConfigDirectory => Path.Combine(directory, "config");

    private async Task LoginAndPushAsync(string apiName, string code, params string[] argument)
    {
        var token = await portal.CreateTokenAsync(RunningPortal.Developer);
        var file = Path.Combine(directory, apiName + ".dg");
        await File.WriteAllTextAsync(file, code);
        Assert.Equal(ExitCodes.Success, (await RunAsync("login", "--url", portal.Url, "--token", token)).Exit);
        var push = await RunAsync(["push", file, .. argument.SelectMany(a => new[] { "--argument", a })]);
        Assert.Equal(ExitCodes.Success, push.Exit);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = CliApp.CreateDefault(remote: new RemoteEnvironment(ConfigDirectory, () => new HttpClientHandler()));

        var exit = await app.RunAsync(args, output, error, CancellationToken.None);

        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
