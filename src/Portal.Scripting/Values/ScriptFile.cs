using System.Globalization;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>
/// FILE: bytes with a file name, a content type and the multipart parameter name invokeUrl's <c>files:</c> sends it under.
/// A reference value (setParamName changes it in place, as in Zoho); its bytes are charged to the run (SEC-37).
/// </summary>
public sealed class ScriptFile : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.File;

    /// <summary>The parameter name a file without setParamName is sent under; our choice where Zoho is silent.</summary>
    public const string DefaultParamName = "file";

    private const int Overhead = 96;

    public ScriptFile(string fileName, string contentType, byte[] content)
    {
        RunMemory.Charge(Overhead + 2L * (fileName.Length + contentType.Length) + content.LongLength);
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string FileName { get; internal set; }

    public string ContentType { get; internal set; }

    /// <summary>The file's bytes; never shown in text forms, traces or results.</summary>
    public byte[] Content { get; }

    public string? ParamName { get; internal set; }

    public long Size => Content.LongLength;

    /// <summary>What info, toString() and results show: name, type and size, never the bytes.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{FileName} ({ContentType}, {Size} bytes)");
}
