namespace Portal.Cli;

/// <summary>One verb of the portal CLI (run, check; later login, push, pull, exec).</summary>
internal interface ICliCommand
{
    string Name { get; }

    string Usage { get; }

    Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context);
}
