using System.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Zoho's file functions on a FILE, and toFile on text and collections.</summary>
internal static class FileMethods
{
    /// <summary>Zoho's limit for toFile's input outside Creator (50 MB); the run's memory budget usually stops a run first.</summary>
    public const int MaxToFileBytes = 50 * 1024 * 1024;

    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptFile file, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.GetFileName:
                Args.Count(name, args, 0, 0);
                return new ScriptText(file.FileName);
            case MethodId.SetFileName:
                Args.Count(name, args, 1, 1);
                file.FileName = NonEmpty(name, Args.Text(state, args, 0), "a file name such as \"report.pdf\"");
                return ScriptNull.Instance;
            case MethodId.GetFileType:
                Args.Count(name, args, 0, 0);
                return new ScriptText(file.ContentType);
            case MethodId.SetFileType:
                Args.Count(name, args, 1, 1);
                file.ContentType = FileContentTypes.FromTypeText(NonEmpty(name, Args.Text(state, args, 0), "a type such as \"pdf\" or \"application/pdf\""));
                return ScriptNull.Instance;
            case MethodId.GetFileSize or MethodId.Size:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(file.Size);
            case MethodId.GetFileContent:
                Args.Count(name, args, 0, 0);
                state.CheckTextLength(file.Content.Length);
                return new ScriptText(Encoding.UTF8.GetString(file.Content));
            case MethodId.SetParamName:
                Args.Count(name, args, 1, 1);
                file.ParamName = NonEmpty(name, Args.Text(state, args, 0), "the form field name the API expects, such as \"file\"");
                return ScriptNull.Instance;
            case MethodId.GetParamName:
                Args.Count(name, args, 0, 0);
                return file.ParamName is null ? ScriptNull.Instance : new ScriptText(file.ParamName);
            default:
                return null;
        }
    }

    /// <summary><c>value.toFile(name)</c>: TEXT as UTF-8, a LIST or MAP as its JSON text.</summary>
    public static ScriptFile ToFile(RunState state, string name, ScriptValue value, ScriptValue[] args)
    {
        Args.Count(name, args, 1, 1);
        var fileName = NonEmpty(name, Args.Text(state, args, 0), "a file name with its extension, such as \"notes.txt\"");
        var text = value is ScriptText t ? t.Value : state.Display(value);
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > MaxToFileBytes)
        {
            throw new ScriptLimitException($"{name}() would make a file of {length:N0} bytes, over Zoho's limit of {MaxToFileBytes:N0}; put less into one file");
        }

        RunMemory.EnsureRoom(length);
        return new ScriptFile(fileName, FileContentTypes.FromName(fileName), Encoding.UTF8.GetBytes(text));
    }

    private static string NonEmpty(string name, string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ScriptRuntimeException($"{name}() needs {what}, not an empty text") : value;
}
