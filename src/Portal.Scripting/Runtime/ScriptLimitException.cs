using Portal.Scripting.Text;

namespace Portal.Scripting.Runtime;

/// <summary>A limit was hit; scripts cannot catch it, the run stops.</summary>
internal sealed class ScriptLimitException(string message, TextSpan? span = null) : ScriptRuntimeException(message, span);
