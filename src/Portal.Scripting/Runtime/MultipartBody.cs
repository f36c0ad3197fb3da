using System.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>The multipart/form-data body of invokeUrl's files: key; text parts as Zoho writes them ({"paramName": …, "content": …, "stringPart": "true"}).</summary>
internal static class MultipartBody
{
    public static (string Body, string ContentType) Build(RunState state, ScriptValue files, ScriptValue parameters, Syntax.Nodes.InvokeUrlExpression node)
    {
        var boundary = "----portal" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder();
        if (parameters is ScriptMap map)
        {
            foreach (var (name, value) in map.Entries)
            {
                AppendPart(body, boundary, name, state.Display(value));
            }
        }

        IEnumerable<ScriptValue> parts = files is ScriptList list ? list.Items : [files];
        foreach (var part in parts)
        {
            if (part is not ScriptMap entry || entry.Entries.GetValueOrDefault("paramName") is not ScriptText paramName)
            {
                throw new ScriptRuntimeException($"invokeUrl files: each part must be a map like {{\"paramName\": \"name\", \"content\": \"text\", \"stringPart\": \"true\"}} but got {part.TypeName}", node.Files?.Span);
            }

            var flag = entry.Entries.GetValueOrDefault("stringPart");
            var isText = flag is ScriptBoolean { Value: true } || (flag is ScriptText text && text.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
            if (!isText)
            {
                throw new ScriptRuntimeException($"invokeUrl files: part '{paramName.Value}' is a file part, which this portal cannot send yet (it has no file values); send text parts with \"stringPart\": \"true\"", node.Files?.Span);
            }

            AppendPart(body, boundary, paramName.Value, state.Display(entry.Entries.GetValueOrDefault("content") ?? ScriptNull.Instance));
            state.CheckTextLength(body.Length);
        }

        body.Append("--").Append(boundary).Append("--\r\n");
        return (body.ToString(), "multipart/form-data; boundary=" + boundary);
    }

    private static void AppendPart(StringBuilder body, string boundary, string name, string content) =>
        body.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Disposition: form-data; name=\"").Append(name.Replace("\"", "%22", StringComparison.Ordinal)).Append("\"\r\n\r\n")
            .Append(content).Append("\r\n");
}
