using System.Text;
using System.Xml;
using System.Xml.XPath;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>executeXPath on XML text, with DTDs refused so entity tricks cannot expand or reach files.</summary>
internal static class XPathText
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 10_000_000 };

    public static string Evaluate(string xml, string path)
    {
        XPathNavigator navigator;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            navigator = new XPathDocument(reader).CreateNavigator();
        }
        catch (XmlException e)
        {
            throw new ScriptRuntimeException($"executeXPath() needs well-formed XML text: {e.Message}");
        }

        object result;
        try
        {
            result = navigator.Evaluate(path);
        }
        catch (XPathException e)
        {
            throw new ScriptRuntimeException($"\"{path}\" is not a valid XPath expression: {e.Message}");
        }

        if (result is not XPathNodeIterator nodes)
        {
            return Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        var builder = new StringBuilder();
        while (nodes.MoveNext())
        {
            var node = nodes.Current!;
            builder.Append(node.NodeType is XPathNodeType.Element ? node.OuterXml : node.Value);
        }

        return builder.ToString();
    }
}
