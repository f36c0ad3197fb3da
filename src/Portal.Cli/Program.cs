using Portal.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.CreateDefault().RunAsync(args, Console.Out, Console.Error, cancellation.Token);
