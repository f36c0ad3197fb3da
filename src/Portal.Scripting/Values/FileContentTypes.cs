namespace Portal.Scripting.Values;

/// <summary>Content types for file names and for the short types Zoho's setFileType takes ("pdf").</summary>
public static class FileContentTypes
{
    public const string Binary = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "text/plain", ["csv"] = "text/csv", ["html"] = "text/html", ["htm"] = "text/html", ["xml"] = "application/xml",
        ["json"] = "application/json", ["pdf"] = "application/pdf", ["png"] = "image/png", ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg", ["gif"] = "image/gif", ["svg"] = "image/svg+xml", ["zip"] = "application/zip",
        ["doc"] = "application/msword", ["xls"] = "application/vnd.ms-excel",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The type a file name's extension suggests, else application/octet-stream.</summary>
    public static string FromName(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot >= 0 && ByExtension.TryGetValue(fileName[(dot + 1)..], out var type) ? type : Binary;
    }

    /// <summary>A full content type as given, or the one of a short type such as "pdf".</summary>
    public static string FromTypeText(string type)
    {
        var trimmed = type.Trim().TrimStart('.');
        return trimmed.Contains('/', StringComparison.Ordinal) ? trimmed : ByExtension.GetValueOrDefault(trimmed, Binary);
    }
}
