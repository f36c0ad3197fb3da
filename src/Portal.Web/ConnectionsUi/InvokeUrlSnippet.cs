using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.ConnectionsUi;

/// <summary>The sample <c>invokeUrl</c> task shown after a connection is created (seed step 13), from the editor's own generator.</summary>
public static class InvokeUrlSnippet
{
    public static string Format(string linkName, string? url, string method = "GET")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkName);
        return InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            ConnectionLinkName = linkName,
            Url = string.IsNullOrWhiteSpace(url) ? "https://" : url,
            Method = method,
        }).TrimEnd('\n');
    }
}
