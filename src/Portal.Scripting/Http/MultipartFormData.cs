using System.Buffers;
using System.Globalization;
using System.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Http;

/// <summary>A multipart/form-data body (RFC 7578): text fields and files, each under its name; builds bytes and a trace preview.</summary>
public sealed class MultipartFormData
{
    private const int PreviewValueLength = 200;
    // A growing buffer rather than a MemoryStream: nothing to dispose, so the form is not IDisposable.
    private readonly ArrayBufferWriter<byte> _body = new();
    private readonly List<string> _preview = [];

    public string Boundary { get; } = "----portal" + Guid.NewGuid().ToString("N");

    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    public long Length => _body.WrittenCount;

    public int FileCount { get; private set; }

    public void AddText(string name, string value)
    {
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{Quote(name)}\"\r\n\r\n");
        Write(value);
        Write("\r\n");
        _preview.Add($"{name}: {(value.Length > PreviewValueLength ? value[..PreviewValueLength] + "…" : value)}");
    }

    public void AddFile(string name, ScriptFile file)
    {
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{Quote(name)}\"; filename=\"{Quote(file.FileName)}\"\r\nContent-Type: {Line(file.ContentType)}\r\n\r\n");
        _body.Write(file.Content.AsSpan());
        Write("\r\n");
        FileCount++;
        _preview.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: file \"{file.FileName}\" ({file.ContentType}, {file.Size} bytes)"));
    }

    /// <summary>The finished body, closing boundary included.</summary>
    public byte[] ToArray()
    {
        var closing = Encoding.UTF8.GetBytes($"--{Boundary}--\r\n");
        var bytes = new byte[_body.WrittenCount + closing.Length];
        _body.WrittenSpan.CopyTo(bytes);
        closing.CopyTo(bytes, _body.WrittenCount);
        return bytes;
    }

    /// <summary>The parts as the trace shows them: text fields (shortened) and each file's name, type and size, never file bytes.</summary>
    public string Preview() => $"multipart/form-data; {string.Join("; ", _preview)}";

    private void Write(string text) => _body.Write(Encoding.UTF8.GetBytes(text).AsSpan());

    // A quote or line break in a name would end the header early: percent-encode them as browsers do.
    private static string Quote(string value) => Line(value).Replace("\"", "%22", StringComparison.Ordinal);

    private static string Line(string value) => value.Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
