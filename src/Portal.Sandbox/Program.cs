using System.Runtime.InteropServices;

namespace Portal.Sandbox;

/// <summary>Runs Sandbox Cloud on its own: <c>dotnet run --project src/Portal.Sandbox</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "sandbox.settings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        using var stop = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var logger = loggerFactory.CreateLogger("Portal.Sandbox");
        SandboxInstance sandbox;
        try
        {
            sandbox = await SandboxServer.StartAsync(options, loggerFactory, stop.Token);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            logger.LogError("{Message}", error.Message);
            return 1;
        }

        await using var running = sandbox;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Sandbox Cloud is listening on {Url} with data in {DataDirectory}. Press Ctrl+C to stop.", sandbox.Url, options.ResolveDataDirectory());
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM is the normal way to stop.
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
