namespace Portal.E2E.Infrastructure;

public static class SeedScripts
{
    /// <summary>Verbatim from the seed post (shared/seed/000_5a52bbd4d96fa82f.txt): no url, and the closing ']' is missing.</summary>
    public const string KaizenSample = """
        headermap = map();
        headermap.put("this goes in the header", "value");
        paramMap = map();
        paramMap.put("this goes in the body", "body");
        info paramMap;
        response = invokeUrl [
        type: POST
        headers: headermap
        content-type: "application/json"
        parameters: paramMap.toString()
        connection: "mine"
        info response;
        return "";
        """;
}
