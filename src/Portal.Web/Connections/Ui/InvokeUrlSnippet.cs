using System.Text;

namespace Portal.Web.Connections.Ui;

/// <summary>The sample <c>invokeUrl</c> task shown after a connection is created (seed step 13).</summary>
public static class InvokeUrlSnippet
{
    public static string Format(string linkName, string? url, string method = "GET")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkName);
        var sb = new StringBuilder();
        sb.Append("response = invokeUrl\n[\n");
        sb.Append("\turl: \"").Append(Escape(string.IsNullOrWhiteSpace(url) ? "https://" : url)).Append("\"\n");
        sb.Append("\ttype: ").Append(method.ToUpperInvariant()).Append('\n');
        sb.Append("\tconnection: \"").Append(Escape(linkName)).Append("\"\n");
        sb.Append("];\ninfo response;");
        return sb.ToString();
    }

    /// <summary>Where "Open in function editor" goes for a connection.</summary>
    public static string EditorPath(string linkName) => $"/functions/new?connection={Uri.EscapeDataString(linkName)}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
