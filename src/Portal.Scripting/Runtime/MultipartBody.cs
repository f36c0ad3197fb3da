using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>
/// The multipart/form-data body of invokeUrl's files: a FILE (sent under its setParamName name), a list of them, or Zoho's
/// text parts ({"paramName": …, "content": …, "stringPart": "true"}); parameters: entries go first as form fields.
/// </summary>
internal static class MultipartBody
{
    public static (byte[] Body, string ContentType, string Preview) Build(RunState state, ScriptValue files, ScriptValue parameters, Syntax.Nodes.InvokeUrlExpression node)
    {
        var form = new MultipartFormData();
        if (parameters is ScriptMap map)
        {
            foreach (var (name, value) in map.Entries)
            {
                form.AddText(name, state.Display(value));
            }
        }

        IEnumerable<ScriptValue> parts = files is ScriptList list ? list.Items : [files];
        foreach (var part in parts)
        {
            switch (part)
            {
                case ScriptFile file:
                    form.AddFile(file.ParamName ?? ScriptFile.DefaultParamName, file);
                    break;
                case ScriptMap entry when entry.Entries.GetValueOrDefault("paramName") is ScriptText paramName:
                    var content = entry.Entries.GetValueOrDefault("content") ?? ScriptNull.Instance;
                    if (content is ScriptFile inner)
                    {
                        form.AddFile(paramName.Value, inner);
                        break;
                    }

                    var flag = entry.Entries.GetValueOrDefault("stringPart");
                    var isText = flag is ScriptBoolean { Value: true } || (flag is ScriptText text && text.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
                    if (!isText)
                    {
                        throw new ScriptRuntimeException($"invokeUrl files: part '{paramName.Value}' has no file; give \"content\" a FILE (from invokeUrl or toFile) or mark a text part with \"stringPart\": \"true\"", node.Files?.Span);
                    }

                    form.AddText(paramName.Value, state.Display(content));
                    break;
                default:
                    throw new ScriptRuntimeException($"invokeUrl files: must be a FILE (from invokeUrl or toFile), a list of files, or text parts like {{\"paramName\": \"name\", \"content\": \"text\", \"stringPart\": \"true\"}}, but got {part.TypeName}", node.Files?.Span);
            }

            RunMemory.EnsureRoom(form.Length);
        }

        var body = form.ToArray();
        RunMemory.Charge(body.LongLength);
        return (body, form.ContentType, form.Preview());
    }
}
