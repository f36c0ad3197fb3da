namespace Portal.Cli.Commands.Remote;

/// <summary>The command line the remote commands share: one positional value (API name or file) plus options with a value.</summary>
internal static class RemoteCommandLine
{
    /// <param name="options">Option → handler of its value; a handler returns false for a malformed value, which is then a usage error.</param>
    /// <param name="missing">What to say when the positional value is absent, e.g. "exec needs the function's API name".</param>
    /// <returns>The positional value, or null once the usage error has been written.</returns>
    public static async Task<string?> ParseAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, Func<string, bool>> options, string missing, string syntax, CliContext context)
    {
        string? positional = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (options.TryGetValue(argument, out var accept) && i + 1 < arguments.Count && accept(arguments[i + 1]))
            {
                i++;
            }
            else if (!argument.StartsWith("--", StringComparison.Ordinal) && positional is null)
            {
                positional = argument;
            }
            else
            {
                await context.Error.WriteLineAsync($"error: unexpected argument '{argument}'; usage: {syntax}");
                return null;
            }
        }

        if (positional is null)
        {
            await context.Error.WriteLineAsync($"error: {missing}; usage: {syntax}");
        }

        return positional;
    }
}
