using Portal.Web.Integrations;

namespace Portal.Web.Tests.Integrations;

public sealed class IntegrationPackLoaderTests
{
    private const string Minimal = """
        {
          "namespace": "acme.crm", "displayName": "Acme", "services": ["acme"], "apiPath": "/v1/",
          "test": { "task": "list", "arguments": [] },
          "tasks": [ TASK ]
        }
        """;

    [Fact]
    public void The_built_in_zoho_crm_pack_loads_with_its_thirteen_tasks()
    {
        var packs = IntegrationPackLoader.LoadBuiltIn();

        var zoho = Assert.Single(packs, p => p.Namespace == "zoho.crm");
        Assert.Equal(["getRecords", "getRecordById", "createRecord", "updateRecord", "searchRecords", "getRelatedRecords", "deleteRecord", "bulkCreate", "upsert", "convertLead", "updateRelatedRecord", "attachFile", "getOrgVariable"], zoho.Tasks.Select(t => t.Name));
        Assert.Equal(["zoho_crm", "sandbox_crm"], zoho.Services);
        Assert.Equal("/crm/v8/", zoho.ApiPath);
        Assert.True(zoho.ConnectionArgument);
        Assert.Equal("getRecords(module, page?, per_page?, query_map?)", zoho.FindTask("getrecords")!.Signature);
    }

    [Fact]
    public void A_valid_minimal_pack_parses()
    {
        var pack = IntegrationPackLoader.Parse(Minimal.Replace("TASK", """{ "name": "list", "path": "items", "returns": "LIST", "response": { "extract": "items", "empty": "LIST" } }""", StringComparison.Ordinal), "acme.json");

        Assert.Equal("acme.crm", pack.Namespace);
        Assert.Equal("GET", Assert.Single(pack.Tasks).Method);
    }

    [Theory]
    [InlineData("""{ "name": "list", "path": "items/{missing}" }""", "{missing} is not one of its parameters")]
    [InlineData("""{ "name": "list", "parameters": [ { "name": "x", "type": "DATE" } ] }""", "parameter 'x' has type 'DATE'")]
    [InlineData("""{ "name": "list", "body": { "a": 1 } }""", "a GET request cannot have a body")]
    [InlineData("""{ "name": "list", "method": "FETCH" }""", "method 'FETCH' must be GET")]
    [InlineData("""{ "name": "list", "parameters": [ { "name": "a", "type": "TEXT", "optional": true }, { "name": "b", "type": "TEXT" } ] }""", "required parameter 'b' follows an optional one")]
    [InlineData("""{ "name": "list", "parameters": [ { "name": "n", "type": "NUMBER", "optional": true, "default": "x" } ] }""", "the default of 'n' is not a NUMBER")]
    [InlineData("""{ "name": "list", "queryMap": "q", "parameters": [ { "name": "q", "type": "TEXT" } ] }""", "queryMap 'q' must name a MAP parameter")]
    [InlineData("""{ "name": "list", "response": { "extract": "data[x]" } }""", "response paths look like")]
    [InlineData("""{ "name": "list" }, { "name": "LIST" }""", "task 'list' is defined twice")]
    [InlineData("""{ "name": "list", "method": "POST" }""", "test task 'list' must be one of the pack's GET tasks")]
    [InlineData("""{ "name": "list", "path": "items/{f}", "parameters": [ { "name": "f", "type": "FILE" } ] }""", "FILE parameter 'f' can only be sent in multipart")]
    [InlineData("""{ "name": "list", "multipart": { "file": "{f}" }, "parameters": [ { "name": "f", "type": "FILE" } ] }""", "a GET request cannot have a multipart body")]
    [InlineData("""{ "name": "list" }, { "name": "up", "method": "POST", "body": { "a": 1 }, "multipart": { "file": "{f}" }, "parameters": [ { "name": "f", "type": "FILE" } ] }""", "either a JSON body (body, bodyMap) or multipart, not both")]
    [InlineData("""{ "name": "list" }, { "name": "up", "method": "POST", "multipart": { "file": "{nothing}" } }""", "{nothing} is not one of its parameters")]
    public void An_invalid_task_is_rejected_with_a_message_naming_the_problem(string task, string expected)
    {
        var json = Minimal.Replace("TASK", task, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => IntegrationPackLoader.Parse(json, "acme.json"));

        Assert.Contains("acme.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"namespace\": \"acme.crm\"", "\"namespace\": \"Acme\"", "namespace 'Acme' must be lower-case dotted words")]
    [InlineData("\"namespace\": \"acme.crm\"", "\"namespace\": \"standalone.crm\"", "(and not standalone.*)")]
    [InlineData("\"services\": [\"acme\"]", "\"services\": []", "services must list at least one")]
    [InlineData("\"apiPath\": \"/v1/\"", "\"apiPath\": \"v1\"", "apiPath 'v1' must start and end with '/'")]
    [InlineData("\"displayName\": \"Acme\",", "\"displayName\": \"Acme\", \"colour\": \"red\",", "not valid JSON for a pack definition")]
    public void An_invalid_pack_header_is_rejected(string from, string to, string expected)
    {
        var json = Minimal.Replace("TASK", """{ "name": "list" }""", StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => IntegrationPackLoader.Parse(json, "acme.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
