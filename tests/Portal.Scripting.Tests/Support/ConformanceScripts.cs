using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Support;

/// <summary>The conformance scripts under <c>Scripts/</c> (copied next to the tests), with their expect comments.</summary>
internal static class ConformanceScripts
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Scripts");

    /// <summary>Every script, by its path relative to <see cref="Root"/>, in a stable order.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.dg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>The script's source, what its comments expect, and its arguments as script values.</summary>
    public static async Task<(string Source, ScriptExpectations Expected, Dictionary<string, ScriptValue> Arguments)> ReadAsync(string relativePath)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(Root, relativePath));
        var expected = ScriptExpectations.Read(source);
        return (source, expected, expected.Arguments.ToDictionary(a => a.Key, a => ScriptValue.ParseJsonOrText(a.Value)));
    }
}
