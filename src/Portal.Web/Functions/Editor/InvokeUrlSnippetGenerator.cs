using System.Text;

namespace Portal.Web.Functions.Editor;

/// <summary>Writes a well-formatted invokeUrl snippet; shared by the editor dialog and the connection details page.</summary>
public static class InvokeUrlSnippetGenerator
{
    public static IReadOnlyList<string> Methods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static string Generate(InvokeUrlSnippetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var method = Methods.Contains(options.Method.ToUpperInvariant()) ? options.Method.ToUpperInvariant() : "GET";
        var sendsBody = method is "POST" or "PUT" or "PATCH";
        var bodyType = sendsBody ? options.BodyType : InvokeUrlBodyType.Form;
        var headers = options.Headers.Where(h => !string.IsNullOrWhiteSpace(h.Key)).ToList();
        var parameters = options.Parameters.Where(p => !string.IsNullOrWhiteSpace(p.Key)).ToList();
        var raw = bodyType == InvokeUrlBodyType.Raw && !string.IsNullOrEmpty(options.RawBody);
        var response = string.IsNullOrWhiteSpace(options.ResponseVariable) ? "response" : options.ResponseVariable.Trim();

        var code = new StringBuilder();
        if (headers.Count > 0)
        {
            code.Append("headerMap = Map();\n");
            foreach (var (key, value) in headers)
            {
                code.Append("headerMap.put(").Append(Quote(key.Trim())).Append(", ").Append(Quote(value)).Append(");\n");
            }
        }

        if (parameters.Count > 0 && !raw)
        {
            code.Append("paramMap = Map();\n");
            foreach (var (key, value) in parameters)
            {
                code.Append("paramMap.put(").Append(Quote(key.Trim())).Append(", ").Append(Quote(value)).Append(");\n");
            }
        }

        code.Append(response).Append(" = invokeUrl\n[\n");
        Line(code, "url", Quote(options.Url.Trim()));
        Line(code, "type", method);
        if (headers.Count > 0)
        {
            Line(code, "headers", "headerMap");
        }

        if (raw)
        {
            Line(code, "body", Quote(options.RawBody!));
            Line(code, "content-type", Quote(string.IsNullOrWhiteSpace(options.RawContentType) ? "text/plain" : options.RawContentType.Trim()));
        }
        else if (bodyType == InvokeUrlBodyType.Json)
        {
            Line(code, "parameters", parameters.Count > 0 ? "paramMap.toString()" : Quote("{}"));
            Line(code, "content-type", Quote("application/json"));
        }
        else if (parameters.Count > 0)
        {
            Line(code, "parameters", "paramMap");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionLinkName))
        {
            Line(code, "connection", Quote(options.ConnectionLinkName.Trim()));
        }

        if (options.Detailed)
        {
            Line(code, "detailed", "true");
        }

        code.Append("];\n");
        code.Append("info ").Append(response).Append(";\n");
        return code.ToString();
    }

    /// <summary>A Deluge string literal: double quotes with \ escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static void Line(StringBuilder code, string key, string value) => code.Append('\t').Append(key).Append(": ").Append(value).Append('\n');
}
