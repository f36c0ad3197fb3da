using Portal.Cli.Commands;
using Portal.Cli.Commands.Remote;
using Portal.Scripting.Http;

namespace Portal.Cli;

/// <summary>Dispatches "portal &lt;command&gt; …" to the matching command.</summary>
internal sealed class CliApp(IReadOnlyList<ICliCommand> commands, Func<IHttpInvoker> httpFactory)
{
    public static CliApp CreateDefault(Func<IHttpInvoker>? httpFactory = null, RemoteEnvironment? remote = null)
    {
        remote ??= RemoteEnvironment.Default;
        return new([new RunCommand(), new CheckCommand(), new LoginCommand(remote), new PushCommand(remote), new PullCommand(remote), new ExecCommand(remote), new ScheduleCommand(remote)], httpFactory ?? (() => new HttpClientInvoker()));
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(args.Count == 0 ? error : output);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        var command = commands.FirstOrDefault(c => c.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await error.WriteLineAsync($"error: unknown command '{args[0]}'; run 'portal --help' to see the commands");
            return ExitCodes.Usage;
        }

        var http = httpFactory();
        try
        {
            return await command.ExecuteAsync(args.Skip(1).ToList(), new CliContext(output, error, http, cancellationToken));
        }
        finally
        {
            (http as IDisposable)?.Dispose();
        }
    }

    private void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("usage: portal <command> [options]");
        writer.WriteLine();
        foreach (var command in commands)
        {
            writer.WriteLine("  " + command.Usage);
        }
    }
}
