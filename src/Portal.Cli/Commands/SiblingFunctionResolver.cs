using Portal.Scripting;

namespace Portal.Cli.Commands;

/// <summary>Resolves standalone.NAME(…) (and automation./button./thisapp.) to NAME.dg in the script's folder; its header names the arguments.</summary>
internal sealed class SiblingFunctionResolver(string directory) : IFunctionResolver
{
    public async ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken)
    {
        // Names come from identifiers, but a dot (thisapp.ns.fn) or anything path-like must never leave the folder.
        if (apiName.Length == 0 || apiName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.')) || apiName.Contains(".."))
        {
            return null;
        }

        var path = Directory.EnumerateFiles(directory, "*.dg")
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(apiName, StringComparison.OrdinalIgnoreCase));
        if (path is null)
        {
            return null;
        }

        var script = ScriptEngine.Compile(await File.ReadAllTextAsync(path, cancellationToken));
        return new ResolvedFunction(script, script.Header?.Parameters.Select(p => p.Name).ToList() ?? []);
    }
}
