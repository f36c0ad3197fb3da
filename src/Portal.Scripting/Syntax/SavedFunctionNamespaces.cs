namespace Portal.Scripting.Syntax;

/// <summary>The prefixes through which Deluge calls another saved function: standalone., automation., button., thisapp.</summary>
internal static class SavedFunctionNamespaces
{
    private static readonly string[] Roots = ["standalone", "automation", "button", "thisapp"];

    public static bool IsSavedFunctionRoot(string name) => Array.Exists(Roots, r => r.Equals(name, StringComparison.OrdinalIgnoreCase));
}
