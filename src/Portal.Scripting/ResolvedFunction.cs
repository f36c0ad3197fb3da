namespace Portal.Scripting;

/// <summary>A saved function ready to be called: its compiled body and parameter names in call order.</summary>
public sealed record ResolvedFunction(CompiledScript Script, IReadOnlyList<string> ParameterNames);
