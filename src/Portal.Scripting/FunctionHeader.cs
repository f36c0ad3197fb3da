namespace Portal.Scripting;

/// <summary>
/// The signature an exported Zoho function starts with: <c>string standalone.greet(String name) { … }</c>.
/// Null on <see cref="CompiledScript.Header"/> when the script is a bare body.
/// </summary>
public sealed record FunctionHeader(string ReturnType, string Namespace, string Name, IReadOnlyList<FunctionHeaderParameter> Parameters, int Line, int Column);
